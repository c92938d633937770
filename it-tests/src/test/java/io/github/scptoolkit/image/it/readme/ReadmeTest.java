package io.github.scptoolkit.image.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.it.docs.DocBlocks;
import io.github.scptoolkit.image.it.docs.DocClaims;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Keeps README.md and docs/*.md honest: every {@code java} code block in them appears verbatim
 * (whitespace aside) in a test source of some module, so documented code is code a test compiles
 * and runs; every type and resource docs/spec.md's table of generated packages names exists;
 * docs/versions-and-errors.md's errors table lists codes of the spec with their status; every
 * {@code scp.*} property and toolkit method they name exists; every relative link resolves to a
 * file (and a heading of it); README names the supported versions and is the example application's
 * source; and the spec-from-the-jar example works.
 */
public class ReadmeTest {

    private static final Path ROOT = projectRoot();
    /** The pages whose every {@code java} block is whole, imports included (README and the pages split from it). */
    private static final List<String> WHOLE_SNIPPETS = List.of("README.md", "client.md", "signing.md",
            "versions-and-errors.md", "spec.md", "contract.md", "emulator.md", "server.md");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("^(?:public |final |abstract )*(?:class|record|interface|enum) ",
            Pattern.MULTILINE);

    /**
     * Every {@code java} block of README.md and docs/*.md appears (whitespace aside) in a test
     * source of some module or in the example application, in a file that has the block's imports:
     * documented code is code a test compiles and runs. Every block of README and of the pages split
     * from it ({@link #WHOLE_SNIPPETS}), and every block of docs/ that declares a type, starts with its imports.
     */
    @Test
    void everyJavaBlockOfTheDocsIsInATestSourceWithItsImports() throws IOException {
        Map<Path, String> tests = testSources();
        int checked = 0;
        for (DocBlocks.Block doc : DocClaims.JAVA.blocks()) {
            String block = doc.text();
            List<String> imports = block.lines().filter(l -> l.startsWith("import ")).toList();
            String code = block.lines().dropWhile(l -> l.startsWith("import ") || l.isBlank())
                    .collect(Collectors.joining("\n"));
            if (WHOLE_SNIPPETS.contains(doc.fileName()) || TYPE_DECLARATION.matcher(code).find()) {
                assertThat(imports).as("%s: the imports of\n%s", doc.where(), block).isNotEmpty();
            }
            List<Path> holders = tests.entrySet().stream()
                    .filter(source -> source.getValue().contains(normalized(code))
                            && imports.stream().allMatch(i -> source.getValue().contains(normalized(i))))
                    .map(Map.Entry::getKey).toList();
            assertThat(holders).as("%s: no test source holds this block with its imports (copy it into a "
                    + "test):\n%s", doc.where(), block).isNotEmpty();
            checked++;
        }
        assertThat(checked).as("java blocks in README.md and docs/").isGreaterThanOrEqualTo(6);
    }

    /**
     * README names the Java, Spring Framework and Spring Boot versions this build supports and is
     * tested with: Java from the parent POM's {@code java.version}, Spring Boot from its
     * {@code spring-boot.version}, Spring Framework the one that Boot's BOM resolves (on this class path).
     */
    @Test
    void theSupportedVersionsAreThoseOfTheBuild() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String java = pomProperty(pom, "java.version");
        String boot = pomProperty(pom, "spring-boot.version");
        String framework = org.springframework.core.SpringVersion.getVersion();
        String section = readme().substring(0, readme().indexOf("\n## "));

        assertThat(org.springframework.boot.SpringBootVersion.getVersion()).isEqualTo(boot);
        assertThat(section).contains("Java " + java + " or newer")
                .contains("Spring Boot " + minor(boot)).contains("Spring Boot " + boot)
                .contains("Spring Framework " + minor(framework)).contains("Spring Framework " + framework);
    }

    private static String pomProperty(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertThat(m.find()).as("pom.xml has <%s>", name).isTrue();
        return m.group(1).trim();
    }


    private static String minor(String version) {
        return version.substring(0, version.indexOf('.', version.indexOf('.') + 1));
    }

    /**
     * examples/server-boot-app is README's server application exactly: its non-test dependencies are
     * README's xml block, its application.properties README's properties block, its Spring Boot
     * parent the version this build uses.
     */
    @Test
    void theExampleApplicationIsReadmesServerExample() throws IOException {
        Path example = ROOT.resolve("examples/server-boot-app");
        String pom = Files.readString(example.resolve("pom.xml"));
        String section = section(readme(), "## Implement the server interface");
        List<DocBlocks.Block> claimed = DocClaims.SERVER_EXAMPLE_DEPENDENCIES.blocks();
        assertThat(claimed).as("README's server dependencies").hasSize(1);
        String dependencies = claimed.get(0).text();
        assertThat(section).as("the xml block of README's server section").contains(dependencies);
        String properties = blocks(section, "properties").get(0);

        Matcher dependency = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL)
                .matcher(pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>")));
        List<String> mainDependencies = new ArrayList<>();
        while (dependency.find()) {
            if (!dependency.group().contains("<scope>test</scope>")) {
                mainDependencies.add(dependency.group());
            }
        }
        assertThat(normalized(String.join("\n", mainDependencies))).isEqualTo(normalized(dependencies));
        assertThat(Files.readString(example.resolve("src/main/resources/application.properties")).trim())
                .isEqualTo(properties.trim());
        assertThat(pom).contains("<artifactId>spring-boot-starter-parent</artifactId>\n    <version>"
                + pomProperty(Files.readString(ROOT.resolve("pom.xml")), "spring-boot.version") + "</version>");
    }

    @Test
    void everyGeneratedTypeAndResourceTheSpecPageListsExists() throws IOException {
        Pattern row = Pattern.compile("^\\|.*`(io\\.github\\.scptoolkit\\.image(?:\\.\\w+)+)`(.*)$");
        Pattern simpleName = Pattern.compile("`([A-Z]\\w*)`");
        Pattern resource = Pattern.compile("`(openapi/[\\w./-]+)`");
        int checked = 0;
        for (String line : Files.readAllLines(ROOT.resolve("docs/spec.md"))) {
            Matcher r = row.matcher(line);
            if (r.matches()) {
                Matcher type = simpleName.matcher(r.group(2));
                while (type.find()) {
                    String name = r.group(1) + "." + type.group(1);
                    assertThat(exists(name)).as("docs/spec.md lists %s", name).isTrue();
                    checked++;
                }
            }
            if (line.startsWith("|")) {
                Matcher res = resource.matcher(line);
                while (res.find()) {
                    assertThat(getClass().getResource("/" + res.group(1))).as("docs/spec.md lists %s", res.group(1)).isNotNull();
                    checked++;
                }
            }
        }
        assertThat(checked).as("generated types and resources listed in docs/spec.md").isGreaterThanOrEqualTo(8);
    }

    /** docs/versions-and-errors.md's error table lists codes of the spec ({@code x-problem-codes}) with their status. */
    @Test
    void everyCodeOfTheErrorsTableIsACodeOfTheSpecWithItsStatus() throws IOException {
        String section = section(doc("docs/versions-and-errors.md"), "## Errors");
        Pattern row = Pattern.compile("^\\|\\s*(\\d{3})\\s*\\|(.*?)\\|.*$", Pattern.MULTILINE);
        Pattern code = Pattern.compile("`([A-Z][A-Z_]+)`");
        Matcher r = row.matcher(section);
        int checked = 0;
        while (r.find()) {
            Matcher c = code.matcher(r.group(2));
            while (c.find()) {
                ScpProblemCode known = ScpProblemCode.fromCode(c.group(1)).orElse(null);
                assertThat(known).as("the errors table's %s is a code of the spec's x-problem-codes", c.group(1)).isNotNull();
                assertThat(known.status()).as("status of %s", c.group(1)).isEqualTo(Integer.parseInt(r.group(1)));
                checked++;
            }
        }
        assertThat(checked).as("codes in docs/versions-and-errors.md's errors table").isGreaterThanOrEqualTo(10);
    }

    /**
     * Every {@code scp.*} property README and docs/*.md name is one the
     * code reads (named in a main source or resource of some module): a removed property (like the old
     * {@code scp.auth.excluded-paths}) cannot stay documented.
     */
    @Test
    void everyPropertyTheDocsNameIsReadByTheCode() throws IOException {
        String docs = allDocs();
        Matcher property = Pattern.compile("\\bscp\\.[a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)*").matcher(docs);
        java.util.Set<String> named = new java.util.TreeSet<>();
        while (property.find()) {
            named.add(property.group());
        }
        String main = mainSources();

        assertThat(named).as("scp.* properties in the docs").hasSizeGreaterThanOrEqualTo(8);
        assertThat(named).as("documented properties that no main source names").allMatch(main::contains);
    }

    /**
     * Every {@code Type.method(} the docs name in code spans, for the toolkit's own types (named
     * {@code Scp*}, or {@code ServiceVersion}/{@code VersionCheck}), is a public method of that type.
     */
    @Test
    void everyToolkitMethodTheDocsNameExists() throws IOException {
        String docs = allDocs();
        Matcher call = Pattern.compile("`[^`\\n]*?\\b((?:Scp|ServiceVersion|VersionCheck)\\w*)\\.([a-z]\\w*)\\(").matcher(docs);
        int checked = 0;
        while (call.find()) {
            Class<?> type = toolkitType(call.group(1));
            String method = call.group(2);
            assertThat(java.util.Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(method)))
                    .as("the docs name %s.%s(...)", call.group(1), method).isTrue();
            checked++;
        }
        assertThat(checked).as("toolkit methods named in the docs").isGreaterThanOrEqualTo(5);
    }

    /** README and every page under docs/, as one text. */
    private static String allDocs() throws IOException {
        return String.join("\n", docs().values());
    }

    private static final List<String> TOOLKIT_PACKAGES = List.of("io.github.scptoolkit.image.spec",
            "io.github.scptoolkit.image.client", "io.github.scptoolkit.image.client.spring", "io.github.scptoolkit.image.server",
            "io.github.scptoolkit.image.cli", "io.github.scptoolkit.image.testkit");

    private static Class<?> toolkitType(String simpleName) {
        for (String pkg : TOOLKIT_PACKAGES) {
            try {
                return Class.forName(pkg + "." + simpleName, false, ReadmeTest.class.getClassLoader());
            } catch (ClassNotFoundException next) {
                // try the next package
            }
        }
        throw new AssertionError("the docs name " + simpleName + ", which is no type of the toolkit");
    }

    /**
     * The text of every {@code src/main} file (Java and resources) of every module, and the
     * configuration metadata Spring Boot's processor generates from the main code (which names the
     * properties a {@code @ConfigurationProperties} record binds by its components).
     */
    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path metadata : modules.map(m -> m.resolve("target/classes/META-INF/spring-configuration-metadata.json"))
                    .filter(Files::isRegularFile).toList()) {
                all.append(read(metadata)).append('\n');
            }
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path main : modules.map(m -> m.resolve("src/main")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(Files::isRegularFile)
                            .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".properties")).toList()) {
                        all.append(read(f)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    /**
     * The emulator command of docs/emulator.md runs what reference-server's {@code package} makes:
     * the extracted jar and the class-data-sharing archive its pom names, which this build (it-tests
     * come after reference-server) has made unless {@code -Demulator.cds.skip=true}.
     */
    @Test
    void theEmulatorCommandRunsTheExtractedJarWithTheArchiveThePackageMakes() throws IOException {
        String pom = Files.readString(ROOT.resolve("reference-server/pom.xml"));
        // Spring's AOT mode needs the bean definitions the pom's process-aot execution generates.
        assertThat(pom).contains("<goal>process-aot</goal>");
        for (DocBlocks.Command line : DocClaims.EMULATOR_CDS.commands()) {
            Matcher command = Pattern.compile("java ((?:-\\S+ )+)-jar (\\S+)").matcher(line.text());
            assertThat(command.matches()).as("%s: the emulator command, JVM options and the jar only", line).isTrue();
            List<String> options = List.of(command.group(1).trim().split(" "));
            assertThat(options).as("%s", line).contains("-Dspring.aot.enabled=true")
                    .allMatch(o -> o.startsWith("-XX:") || o.startsWith("-D"));
            String archive = options.stream().filter(o -> o.startsWith("-XX:SharedArchiveFile=")).findFirst()
                    .orElseThrow().substring("-XX:SharedArchiveFile=".length());
            for (String path : List.of(archive, command.group(2))) {
                assertThat(path).startsWith("reference-server/target/emulator/");
                String file = path.substring("reference-server/target/emulator/".length());
                assertThat(pom).as("reference-server/pom.xml makes %s", file)
                        .contains("${project.build.directory}/emulator/" + file);
                if (Files.isDirectory(ROOT.resolve("reference-server/target/emulator"))) {
                    assertThat(ROOT.resolve(path)).as("made by package").isRegularFile();
                }
            }
        }
    }

    /** The section of {@code markdown} from {@code heading} to the next heading of any level. */
    static String section(String markdown, String heading) {
        String text = markdown.replace("\r\n", "\n");
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as("the page has %s", heading).isNotNegative();
        int end = text.indexOf("\n#", start + heading.length() + 2);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    @Test
    void readmeSpecFromTheJarExampleReadsTheSpec() throws IOException {
        // README: begin
        String spec;
        try (InputStream in = ScpImageClient.class.getResourceAsStream("/openapi/virtualserver-show-image.yaml")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // README: end

        assertThat(spec).contains("openapi: 3.0.3", "/v1/images/{image_id}", "x-api-versions");
    }

    static List<String> javaBlocks(String markdown) {
        return blocks(markdown, "java");
    }

    /** The fenced blocks of {@code language} in {@code markdown}, without their fences. */
    static List<String> blocks(String markdown, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```" + Pattern.quote(language) + "\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(markdown.replace("\r\n", "\n"));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** README.md's text. */
    static String readme() throws IOException {
        return doc("README.md");
    }

    /** The text of a page, by its path from the project root ({@code README.md}, {@code docs/server.md}). */
    static String doc(String path) throws IOException {
        return Files.readString(ROOT.resolve(path)).replace("\r\n", "\n");
    }

    /**
     * Every relative link of README.md and docs/*.md (outside code blocks) names a file of the
     * project, and its {@code #anchor}, if any, is a heading of that page (GitHub's slugs).
     */
    @Test
    void everyRelativeLinkOfTheDocsResolves() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        int checked = 0;
        for (Map.Entry<Path, String> doc : docs().entrySet()) {
            Matcher m = link.matcher(withoutCodeBlocks(doc.getValue()));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;   // http:, https:, mailto:
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc.getKey() : doc.getKey().getParent().resolve(file).normalize();
                assertThat(resolved).as("%s links %s", ROOT.relativize(doc.getKey()), target).exists();
                assertThat(resolved.startsWith(ROOT)).as("%s links %s inside the project", doc.getKey(), target).isTrue();
                if (hash >= 0) {
                    assertThat(resolved.toString()).as("%s links %s: an anchor of a page", doc.getKey(), target).endsWith(".md");
                    assertThat(anchors(read(resolved))).as("%s links %s: headings of %s", ROOT.relativize(doc.getKey()),
                            target, ROOT.relativize(resolved)).contains(target.substring(hash + 1));
                }
                checked++;
            }
        }
        assertThat(checked).as("relative links in README.md and docs/").isGreaterThanOrEqualTo(30);
    }

    /**
     * README's modules table names every module of the parent POM (and the example application),
     * each with the artifact id its POM declares, or "(not published)".
     */
    @Test
    void theModulesTableIsTheBuildsModules() throws IOException {
        Pattern row = Pattern.compile("^\\| `([\\w/-]+)` \\| (`([\\w-]+)`|\\(not published\\)) \\|.*$", Pattern.MULTILINE);
        Matcher r = row.matcher(section(readme(), "## Modules"));
        List<String> listed = new ArrayList<>();
        while (r.find()) {
            Path pom = ROOT.resolve(r.group(1)).resolve("pom.xml");
            assertThat(pom).as("README's module %s", r.group(1)).exists();
            String artifact = Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "");
            Matcher id = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(artifact);
            assertThat(id.find()).as("%s has an artifactId", pom).isTrue();
            if (r.group(3) != null) {
                assertThat(id.group(1)).as("README's artifact of %s", r.group(1)).isEqualTo(r.group(3));
            }
            listed.add(r.group(1));
        }
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
        }
        assertThat(listed).as("README's modules table").containsAll(modules).contains("examples/server-boot-app");
    }

    /**
     * Every {@code <dependency>} of this project that an {@code xml} block of README.md or docs/*.md
     * shows names a module's artifact, at the build's version.
     */
    @Test
    void everyDocumentedDependencyIsAnArtifactOfTheBuildAtItsVersion() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml")).replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher projectVersion = Pattern.compile("<version>([^<]+)</version>").matcher(parent);
        assertThat(projectVersion.find()).isTrue();
        List<String> artifacts = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path pom : modules.map(m -> m.resolve("pom.xml")).filter(Files::isRegularFile).filter(p -> !p.getParent().equals(ROOT)).toList()) {
                Matcher id = Pattern.compile("<artifactId>([^<]+)</artifactId>")
                        .matcher(Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", ""));
                if (id.find()) {
                    artifacts.add(id.group(1));
                }
            }
        }
        Pattern ours = Pattern.compile("<groupId>io\\.github\\.scptoolkit</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");
        int checked = 0;
        for (DocBlocks.Block doc : DocClaims.TOOLKIT_DEPENDENCIES.blocks()) {
            long dependencies = Pattern.compile("<dependency>").matcher(doc.text()).results().count();
            assertThat(ours.matcher(doc.text()).results().count()).as("%s: dependencies with group, artifact and version",
                    doc.where()).isEqualTo(dependencies);
            Matcher m = ours.matcher(doc.text());
            while (m.find()) {
                assertThat(artifacts).as("%s shows %s", doc.where(), m.group(1)).contains(m.group(1));
                assertThat(m.group(2)).as("%s: version of %s", doc.where(), m.group(1))
                        .isEqualTo(projectVersion.group(1));
                checked++;
            }
        }
        assertThat(checked).as("dependencies on the toolkit shown in README.md and docs/").isGreaterThanOrEqualTo(3);
    }

    /** docs/emulator.md's table of demo tenants is the emulator's {@code application.properties}, row by row. */
    @Test
    void theEmulatorPagesTenantsAreTheEmulatorsDemoTenants() throws IOException {
        java.util.Properties application = new java.util.Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("reference-server/src/main/resources/application.properties"))) {
            application.load(in);
        }
        String doc = doc("docs/emulator.md");
        String table = doc.substring(doc.indexOf("| access key | secret key | project | actions |"));
        table = table.substring(0, table.indexOf("\n\n"));
        List<String> rows = table.lines().skip(2).toList();
        assertThat(rows).as("tenant rows of docs/emulator.md").isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split("\\|");
            String prefix = "scp.emulator.tenants[" + i + "].";
            assertThat(cells[1]).as("row %d", i).contains("`" + application.getProperty(prefix + "access-key") + "`");
            assertThat(cells[2]).as("row %d", i).contains("`" + application.getProperty(prefix + "secret-key") + "`");
            assertThat(cells[3]).as("row %d", i).contains("`" + application.getProperty(prefix + "project-id") + "`");
            assertThat(cells[4]).as("row %d", i).contains("`" + application.getProperty(prefix + "actions") + "`");
        }
        assertThat(application.getProperty("scp.emulator.tenants[" + rows.size() + "].access-key"))
                .as("a tenant of application.properties missing from docs/emulator.md").isNull();
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    static List<String> anchors(String markdown) {
        return withoutCodeBlocks(markdown).lines().filter(l -> l.matches("^#{1,6} .*"))
                .map(l -> l.replaceFirst("^#+ ", "").strip().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .toList();
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replace("\r\n", "\n").replaceAll("(?s)\n```.*?\n```", "\n");
    }

    /** README.md and every docs/*.md, by path. */
    static Map<Path, String> docs() throws IOException {
        Map<Path, String> docs = new java.util.TreeMap<>();
        docs.put(ROOT.resolve("README.md"), readme());
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                docs.put(f, read(f));
            }
        }
        return docs;
    }

    static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, ReadmeTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Every {@code src/test/java} source of every module, and every source of the example
     * applications under {@code examples/} (a documented snippet may be their code), whitespace-normalized.
     */
    static Map<Path, String> testSources() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).forEach(roots::add);
        }
        if (Files.isDirectory(ROOT.resolve("examples"))) {
            try (Stream<Path> examples = Files.list(ROOT.resolve("examples"))) {
                for (Path example : examples.toList()) {
                    for (String dir : List.of("src/main/java", "src/test/java")) {
                        if (Files.isDirectory(example.resolve(dir))) {
                            roots.add(example.resolve(dir));
                        }
                    }
                }
            }
        }
        Map<Path, String> sources = new java.util.HashMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                sources.putAll(files.filter(f -> f.toString().endsWith(".java"))
                        .collect(Collectors.toMap(f -> f, f -> normalized(read(f)))));
            }
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory with README.md and mvnw, above the module's working directory. */
    public static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
