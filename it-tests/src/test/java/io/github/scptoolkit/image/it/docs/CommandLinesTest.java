package io.github.scptoolkit.image.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The command lines of the docs' shell blocks are commands of this build: every {@code ./mvnw} line
 * names modules of the reactor, phases or goals of plugins those modules use, profiles of their
 * POMs, {@code -D} properties that the POMs, the code or the plugins run read, and test classes that
 * exist ({@link DocClaims#MAVEN}); README's test command is exactly the one {@code .ci/run} runs;
 * the lint commands are lines of {@code .ci/run} ({@link DocClaims#CI_LINT}); the profiling commands
 * run main classes of the benchmarks with their options and files ({@link DocClaims#BENCHMARK_MAIN}).
 */
class CommandLinesTest {

    private static final Path ROOT = DocBlocks.root();
    private static final Set<String> PHASES = Set.of("clean", "validate", "generate-sources", "process-resources", "compile",
            "test-compile", "test", "package", "verify");
    private static final Set<String> FLAGS = Set.of("-B", "-q", "-am", "-o", "-e");
    /** The plugins whose own user properties ({@code -DskipTests}, {@code -Dtest}) a command may set. */
    private static final List<String> TEST_PLUGINS = List.of("maven-surefire-plugin", "maven-failsafe-plugin");

    @Test
    void everyMavenCommandNamesModulesProfilesAndPropertiesOfTheBuild() throws IOException {
        String parent = read(ROOT.resolve("pom.xml"));
        List<String> reactor = matches(parent, "<module>([^<]+)</module>");
        for (DocBlocks.Command command : DocClaims.MAVEN.commands()) {
            List<String> args = words(command.text());
            List<String> modules = new ArrayList<>();
            List<String> profiles = new ArrayList<>();
            List<String> goals = new ArrayList<>();
            List<String[]> properties = new ArrayList<>();
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("-pl")) {
                    modules.addAll(List.of(args.get(++i).split(",")));
                } else if (arg.startsWith("-P")) {
                    profiles.addAll(List.of((arg.length() > 2 ? arg.substring(2) : args.get(++i)).split(",")));
                } else if (arg.startsWith("-D")) {
                    String[] kv = arg.substring(2).split("=", 2);
                    properties.add(kv.length == 2 ? kv : new String[] {kv[0], "true"});
                } else if (FLAGS.contains(arg)) {
                    continue;
                } else {
                    assertThat(arg).as("%s: a phase or plugin:goal", command).doesNotStartWith("-");
                    goals.add(arg);
                }
            }
            assertThat(reactor).as("%s: its -pl modules are modules of the parent POM", command).containsAll(modules);
            List<Path> poms = new ArrayList<>();
            poms.add(ROOT.resolve("pom.xml"));
            (modules.isEmpty() ? reactor : modules).forEach(m -> poms.add(ROOT.resolve(m).resolve("pom.xml")));
            String pomText = String.join("\n", poms.stream().map(CommandLinesTest::read).toList());

            assertThat(goals).as("%s: what it runs", command).isNotEmpty();
            for (String goal : goals) {
                if (goal.contains(":")) {
                    String prefix = goal.substring(0, goal.indexOf(':'));
                    assertThat(pomText).as("%s: the POMs use the plugin of %s", command, goal)
                            .containsPattern("<artifactId>(maven-)?" + Pattern.quote(prefix) + "(-maven)?-plugin</artifactId>");
                } else {
                    assertThat(PHASES).as("%s: a phase of the default or clean lifecycle", command).contains(goal);
                }
            }
            for (String profile : profiles) {
                assertThat(pomText).as("%s: a POM has the profile %s", command, profile)
                        .containsPattern("<profile>\\s*(<!--.*?-->\\s*)*<id>" + Pattern.quote(profile) + "</id>");
            }
            for (String[] property : properties) {
                assertPropertyIsRead(command, property[0], property[1], pomText, modules.isEmpty() ? reactor : modules,
                        properties.stream().anyMatch(p -> p[0].equals("surefire.failIfNoSpecifiedTests") && p[1].equals("false")));
            }
        }
    }

    private static void assertPropertyIsRead(DocBlocks.Command command, String name, String value, String pomText,
            List<String> modules, boolean noTestIsFine) throws IOException {
        if (name.equals("test") || name.equals("it.test")) {
            if (value.equals("NONE") && noTestIsFine) {
                return;   // the documented way to run no unit test (with surefire.failIfNoSpecifiedTests=false)
            }
            for (String pattern : value.split(",")) {
                Pattern test = Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q") + "\\.java");
                assertThat(testClasses(modules)).as("%s: a test class of %s matches %s", command, modules, pattern)
                        .anyMatch(c -> test.matcher(c).matches());
            }
            return;
        }
        if (pomText.contains("${" + name + "}") || pomText.contains("<" + name + ">")) {
            return;
        }
        String quoted = "\"" + name + "\"";
        for (String module : modules) {
            for (String dir : List.of("src/main/java", "src/test/java")) {
                Path sources = ROOT.resolve(module).resolve(dir);
                if (Files.isDirectory(sources)) {
                    try (Stream<Path> files = Files.walk(sources)) {
                        if (files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> read(f).contains(quoted))) {
                            return;
                        }
                    }
                }
            }
        }
        for (String plugin : TEST_PLUGINS) {
            if (pluginDescriptor(plugin).contains("${" + name + "}")) {
                return;
            }
        }
        throw new AssertionError(command + ": nothing reads -D" + name + " (not the POMs of " + modules
                + ", their code, nor the test plugins)");
    }

    /** The plugin descriptor of one of the parent POM's plugins, at the version it pins, from the local repository. */
    private static String pluginDescriptor(String artifactId) throws IOException {
        String version = matches(read(ROOT.resolve("pom.xml")), "<" + Pattern.quote(artifactId) + "\\.version>([^<]+)<").get(0);
        // The local repository, then its read-only tails (-Dmaven.repo.local.tail), as Maven looks them up.
        List<String> repositories = new ArrayList<>();
        repositories.add(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        repositories.addAll(List.of(System.getProperty("maven.repo.local.tail", "").split(",")));
        Path jar = repositories.stream().filter(r -> !r.isBlank())
                .map(r -> Path.of(r.trim()).resolve("org/apache/maven/plugins").resolve(artifactId).resolve(version)
                        .resolve(artifactId + "-" + version + ".jar"))
                .filter(Files::isRegularFile).findFirst()
                .orElse(Path.of(repositories.get(0), "org/apache/maven/plugins", artifactId, version,
                        artifactId + "-" + version + ".jar"));
        assertThat(jar).as("the build ran %s", artifactId).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry("META-INF/maven/plugin.xml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> testClasses(List<String> modules) throws IOException {
        List<String> names = new ArrayList<>();
        for (String module : modules) {
            Path sources = ROOT.resolve(module).resolve("src/test/java");
            if (Files.isDirectory(sources)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".java")).forEach(names::add);
                }
            }
        }
        return names;
    }

    /** README gives {@code ./mvnw -B verify} as the command that runs all tests: {@code .ci/run} runs exactly it. */
    @Test
    void theTestCommandOfReadmeIsExactlyWhatCiRuns() {
        List<DocBlocks.Command> readme = DocClaims.MAVEN.commands().stream()
                .filter(c -> c.block().page().equals("README.md") && c.note().startsWith("run all tests")).toList();
        List<String> ci = ciCommands();

        assertThat(readme).as("README's test command (noted 'run all tests')").hasSize(1);
        assertThat(readme.get(0).text()).isEqualTo("./mvnw -B verify");
        assertThat(ci).as(".ci/run runs README's test command, on the JDKs it finds").contains(readme.get(0).text());
    }

    @Test
    void theLintCommandsAreThoseOfCi() {
        List<String> ci = ciCommands();
        for (DocBlocks.Command command : DocClaims.CI_LINT.commands()) {
            assertThat(ci).as("%s: a command of .ci/run", command).contains(command.text());
        }
    }

    /** The commands of {@code .ci/run}, each without a leading {@code VAR=value} assignment. */
    private static List<String> ciCommands() {
        return read(ROOT.resolve(".ci/run")).lines().map(String::strip)
                .map(l -> l.replaceFirst("^(?:[A-Z_0-9]+=\\S+ )+", "")).toList();
    }

    @Test
    void theProfilingCommandsRunMainClassesOfTheBenchmarks() {
        Set<String> recordings = new LinkedHashSet<>();
        for (DocBlocks.Command command : DocClaims.BENCHMARK_MAIN.commands()) {
            List<String> args = words(command.text());
            int cp = args.indexOf("-cp");
            assertThat(args.get(cp + 1)).as("%s: the class path the text below it says how to make", command)
                    .isEqualTo("$(cat cp.txt)");
            assertThat(DocBlocks.read(command.block().page())).contains("(`cp.txt`: `./mvnw -B -q -pl benchmarks -am package "
                    + "dependency:build-classpath -DskipTests\n-Dmdep.outputFile=$PWD/cp.txt`");
            for (String option : args.subList(1, cp)) {
                Matcher jfr = Pattern.compile("-XX:StartFlightRecording=(.*)").matcher(option);
                assertThat(jfr.matches()).as("%s: JVM option %s", command, option).isTrue();
                for (String setting : jfr.group(1).split(",")) {
                    String[] kv = setting.split("=", 2);
                    if (kv[0].equals("settings")) {
                        assertThat(ROOT.resolve(kv[1])).as("%s: JFR settings", command).isRegularFile();
                    } else if (kv[0].equals("filename")) {
                        recordings.add(kv[1]);
                    }
                }
            }
            String main = args.get(cp + 2);
            Path source = ROOT.resolve("benchmarks/src/main/java").resolve(main.replace('.', '/') + ".java");
            assertThat(source).as("%s: the main class", command).isRegularFile();
            String code = read(source);
            assertThat(code).as("%s: a main method", command).contains("public static void main(String[] args)");
            for (String arg : args.subList(cp + 3, args.size())) {
                if (arg.matches("\\d+")) {
                    continue;
                }
                if (arg.endsWith(".jfr")) {
                    assertThat(recordings).as("%s: a recording an earlier command makes", command).contains(arg);
                } else {
                    assertThat(code).as("%s: %s takes %s", command, main, arg).contains("\"" + arg + "\"");
                }
            }
        }
    }

    /** The words of a command line as a shell splits them (quotes kept together, without the quotes). */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(command);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
