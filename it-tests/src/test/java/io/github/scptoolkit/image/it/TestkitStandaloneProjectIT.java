package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.springframework.util.FileSystemUtils;

/**
 * The test kit as a user outside this build meets it: a fresh Maven project
 * ({@code src/test/resources/testkit-consumer/pom.xml}) whose only dependencies are the client and,
 * in test scope, the kit, with testkit-example's application class and tests (the example test of
 * docs/testkit.md: the seed image, a 404 for another project's image, a typed retirement error
 * with a fixed date, one 503 survived with two signed attempts in the journal; and every fault),
 * passes {@code mvn test}, and no Bean Validation API reaches its class path (the emulator does not
 * look for a provider). Like a user's project it does not import Spring Boot's BOM: Maven picks
 * the versions of the kit's transitive dependencies by its nearest-wins rule, and the kit works with
 * them. This project's artifacts come from this build's jars, laid out in a local repository of the
 * consumer's own under {@code target/testkit-consumer}; other artifacts are read from the local
 * repository this build uses, never written to it (the few versions missing there are downloaded into
 * the consumer's repository). The project and its build log stay there for anyone debugging.
 */
class TestkitStandaloneProjectIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final Path WORK = Path.of("target", "testkit-consumer").toAbsolutePath();
    private static final Path CONSUMER = WORK.resolve("project");
    private static final Path REPOSITORY = WORK.resolve("repository");
    private static final Pattern PLACEHOLDER = Pattern.compile("@([\\w.-]+)@");
    private static final Pattern TESTS_RUN = Pattern.compile(
            "Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)");

    @Test
    void aFreshProjectWithTheClientAndTheKitInTestScopePassesMvnTest() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        Document parent = parse(PROJECT.resolve("pom.xml"));
        String groupId = child(parent.getDocumentElement(), "groupId");
        String version = child(parent.getDocumentElement(), "version");
        Map<String, String> artifacts = layOutRepository(parent, groupId, version);

        Map<String, String> values = new LinkedHashMap<>(properties(parent));
        values.put("scp.groupId", groupId);
        values.put("scp.version", version);
        values.put("scp.client", artifacts.get("client"));
        values.put("scp.testkit", artifacts.get("testkit"));
        Files.createDirectories(CONSUMER);
        Files.writeString(CONSUMER.resolve("pom.xml"), substitute(Files.readString(
                PROJECT.resolve("it-tests/src/test/resources/testkit-consumer/pom.xml")), values));
        copyTree(PROJECT.resolve("testkit-example/src"), CONSUMER.resolve("src"));

        Path log = WORK.resolve("mvn-test.log");
        int exit = mvnTest(log);

        assertThat(exit).as("mvn test in %s; see %s:%n%s", CONSUMER, log, tail(log)).isZero();
        Map<String, int[]> results = surefireResults();
        assertThat(results).as("test classes run").containsKeys(
                "io.github.scptoolkit.image.example.ImageLookupTest",
                "io.github.scptoolkit.image.example.ImageLookupFaultsTest");
        results.forEach((testClass, counts) -> assertThat(counts)
                .as("%s: run, failures, errors, skipped", testClass).satisfies(c -> {
                    assertThat(c[0]).isPositive();
                    assertThat(c[1] + c[2] + c[3]).isZero();
                }));
        assertThat(results.get("io.github.scptoolkit.image.example.ImageLookupTest")[0])
                .as("the guide's example tests").isEqualTo(4);
        // No Bean Validation API reaches the consumer (the stub has it as an optional dependency), so the
        // emulator's Spring MVC does not look for a provider at start-up, nor log at INFO that none was found.
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("the output of mvn test in %s", log)
                .contains("SCP image-API emulator on")
                .doesNotContain("Bean Validation provider");
    }

    /**
     * Copies the pom and, where built, the jar of the parent and of every module into {@link #REPOSITORY},
     * in Maven's layout; returns the artifact id of each module by its directory.
     */
    private static Map<String, String> layOutRepository(Document parent, String groupId, String version)
            throws Exception {
        Path group = REPOSITORY.resolve(groupId.replace('.', '/'));
        install(group, child(parent.getDocumentElement(), "artifactId"), version, PROJECT.resolve("pom.xml"), null);
        Map<String, String> artifacts = new LinkedHashMap<>();
        Element modules = (Element) parent.getDocumentElement().getElementsByTagName("modules").item(0);
        for (Node m = modules.getFirstChild(); m != null; m = m.getNextSibling()) {
            if (m instanceof Element module) {
                String dir = module.getTextContent().trim();
                Path pom = PROJECT.resolve(dir).resolve("pom.xml");
                String artifactId = child(parse(pom).getDocumentElement(), "artifactId");
                artifacts.put(dir, artifactId);
                Path jar = PROJECT.resolve(dir).resolve("target").resolve(artifactId + "-" + version + ".jar");
                install(group, artifactId, version, pom, Files.exists(jar) ? jar : null);
            }
        }
        for (String needed : List.of("client", "testkit")) {
            assertThat(PROJECT.resolve(needed).resolve("target")
                    .resolve(artifacts.get(needed) + "-" + version + ".jar"))
                    .as("the %s jar of this build (build it-tests with -am)", needed).exists();
        }
        return artifacts;
    }

    private static void install(Path group, String artifactId, String version, Path pom, Path jar) throws IOException {
        Path dir = group.resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code mvn test} with this build's Maven wrapper; the local repository this build uses is read only (its tail). */
    private static int mvnTest(Path log) throws IOException, InterruptedException {
        String mvnw = PROJECT.resolve(System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "mvnw").toString();
        String outer = System.getProperty("scp.build.local-repository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        List<String> command = new ArrayList<>(List.of(mvnw, "-B", "--no-transfer-progress",
                "-Dmaven.repo.local=" + REPOSITORY, "-Dmaven.repo.local.tail=" + outer, "test"));
        Process build = new ProcessBuilder(command).directory(CONSUMER.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(15, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new AssertionError("mvn test did not finish within 15 minutes; see " + log);
        }
        return build.exitValue();
    }

    /** Test class to {run, failures, errors, skipped}, from the consumer's Surefire reports. */
    private static Map<String, int[]> surefireResults() throws IOException {
        Map<String, int[]> results = new LinkedHashMap<>();
        Path reports = CONSUMER.resolve("target/surefire-reports");
        try (var files = Files.list(reports)) {
            for (Path report : files.filter(p -> p.getFileName().toString().endsWith(".txt")).toList()) {
                Matcher m = TESTS_RUN.matcher(Files.readString(report));
                if (m.find()) {
                    String name = report.getFileName().toString();
                    results.put(name.substring(0, name.length() - ".txt".length()), new int[] {
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
                }
            }
        }
        return results;
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> values = new LinkedHashMap<>();
        Element properties = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
        for (Node p = properties.getFirstChild(); p != null; p = p.getNextSibling()) {
            if (p instanceof Element property) {
                values.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return values;
    }

    private static String substitute(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            assertThat(value).as("a value for @%s@ in the parent pom", m.group(1)).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of {@code parent}'s direct child element {@code name}. */
    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

}
