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

/**
 * Keeps README.md honest: every {@code java} code block in it appears verbatim (whitespace aside)
 * in a test source of some module, so README code is code a test compiles and runs; every type and
 * resource its table of generated packages names exists; and its spec-from-the-jar example works.
 */
class ReadmeTest {

    private static final Path ROOT = projectRoot();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeIsInATestSource() throws IOException {
        List<String> blocks = javaBlocks(Files.readString(ROOT.resolve("README.md")));
        Map<Path, String> tests = testSources();

        assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(3);
        List<String> notInAnyTest = blocks.stream()
                .filter(block -> tests.values().stream().noneMatch(source -> source.contains(normalized(block))))
                .toList();
        assertThat(notInAnyTest).as("README java blocks that no test source contains (copy them into a test)")
                .isEmpty();
    }

    @Test
    void everyGeneratedTypeAndResourceTheReadmeListsExists() throws IOException {
        Pattern row = Pattern.compile("^\\|.*`(io\\.github\\.scptoolkit\\.[\\w.]+\\.generated\\.\\w+)`(.*)$");
        Pattern simpleName = Pattern.compile("`([A-Z]\\w*)`");
        Pattern resource = Pattern.compile("`(openapi/[\\w./-]+)`");
        int checked = 0;
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            Matcher r = row.matcher(line);
            if (r.matches()) {
                Matcher type = simpleName.matcher(r.group(2));
                while (type.find()) {
                    String name = r.group(1) + "." + type.group(1);
                    assertThat(exists(name)).as("README lists %s", name).isTrue();
                    checked++;
                }
            }
            if (line.startsWith("|")) {
                Matcher res = resource.matcher(line);
                while (res.find()) {
                    assertThat(getClass().getResource("/" + res.group(1))).as("README lists %s", res.group(1)).isNotNull();
                    checked++;
                }
            }
        }
        assertThat(checked).as("generated types and resources listed in README.md").isGreaterThanOrEqualTo(8);
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
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown.replace("\r\n", "\n"));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
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

    /** Every {@code src/test/java} source of every module, whitespace-normalized. */
    private static Map<Path, String> testSources() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> roots = modules.map(m -> m.resolve("src/test/java")).filter(Files::isDirectory).toList();
            Map<Path, String> sources = new java.util.HashMap<>();
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    sources.putAll(files.filter(f -> f.toString().endsWith(".java"))
                            .collect(Collectors.toMap(f -> f, f -> normalized(read(f)))));
                }
            }
            return sources;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory with README.md and mvnw, above the module's working directory. */
    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
