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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.util.FileSystemUtils;

/**
 * README's server quick start, done as a user does it, outside this build: {@code examples/server-boot-app}
 * (Spring Boot's parent, not this project's; README's dependencies; one class implementing
 * {@code ImagesApi}; README's properties block verbatim, which it-tests' ReadmeTest keeps
 * identical) is copied to {@code target/example-app/project} and built there with Maven as a project of
 * its own, resolving this project's artifacts from a repository that holds only what would be published
 * (each published module's jar and pom, and the parent pom), staged in {@code target/example-app/repository}
 * (the user's local repository is read, never written). Its own tests then prove, on a real Tomcat, that
 * it starts, verifies signatures, serves every version, answers Tomcat-level errors on the API's paths as
 * problems and leaves its other controller to Spring Boot. Skipped with {@code -Dscp.example.skip=true}.
 */
@DisabledIfSystemProperty(named = "scp.example.skip", matches = "true")
class ExampleServerAppIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final Path EXAMPLE = PROJECT.resolve("examples/server-boot-app");
    private static final Path WORK = Path.of("target", "example-app").toAbsolutePath();
    private static final Path COPY = WORK.resolve("project");
    private static final Path REPOSITORY = WORK.resolve("repository");

    @Test
    void theExampleBuiltOnItsOwnAgainstThePublishedArtifactsPassesItsTests() throws Exception {
        FileSystemUtils.deleteRecursively(COPY);
        // Kept between runs: what it downloaded (nothing when the user's local repository has it all).
        FileSystemUtils.deleteRecursively(REPOSITORY.resolve("io/github/scptoolkit"));
        copy(EXAMPLE, COPY);
        stagePublishedArtifacts();

        Path log = WORK.resolve("build.log");
        String mvnw = PROJECT.resolve(System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "mvnw")
                .toString();
        List<String> command = new ArrayList<>(List.of(mvnw, "-B", "-f", COPY.resolve("pom.xml").toString(),
                "verify", "-Dmaven.repo.local=" + REPOSITORY));
        String userRepository = System.getProperty("scp.user.repository", "");
        if (!userRepository.isBlank()) {
            // Read-only: whatever is missing there is downloaded into the staged repository.
            command.add("-Dmaven.repo.local.tail=" + userRepository);
        }
        Process build = new ProcessBuilder(command).directory(COPY.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(20, TimeUnit.MINUTES)).as("the example's build finished; see " + log).isTrue();
        assertThat(build.exitValue()).as("the example's build; see " + log + ":\n" + tail(log)).isZero();

        Path report = COPY.resolve("target/surefire-reports/TEST-com.example.images.ImagesServerApplicationTests.xml");
        assertThat(report).as("the example's tests ran").exists();
        String xml = Files.readString(report);
        assertThat(attribute(xml, "tests")).as("tests run").isPositive();
        assertThat(attribute(xml, "failures") + attribute(xml, "errors")).as("failed tests").isZero();
        assertThat(attribute(xml, "skipped")).as("skipped tests").isZero();
        assertThat(Files.readString(log)).as("this project's artifacts came from the staged repository only")
                .doesNotContainPattern("Download\\w* from [^\\n]*/io/github/scptoolkit/");
    }

    /** Each published module's jar and pom, and the parent pom, laid out as {@code mvn install} would. */
    private static void stagePublishedArtifacts() throws IOException {
        String root = Files.readString(PROJECT.resolve("pom.xml"));
        String groupId = first(root, "groupId");
        String version = first(root, "version");
        stage(groupId, first(root, "artifactId"), version, PROJECT.resolve("pom.xml"), null);
        for (String module : PublishedArtifactsIT.PUBLISHED) {
            Path pom = PROJECT.resolve(module).resolve("pom.xml");
            String xml = Files.readString(pom);
            String artifactId = first(xml.substring(xml.indexOf("</parent>")), "artifactId");
            Path jar = PROJECT.resolve(module).resolve("target").resolve(artifactId + "-" + version + ".jar");
            assertThat(jar).as("run the package phase of %s first", module).exists();
            stage(groupId, artifactId, version, pom, jar);
        }
    }

    private static void stage(String groupId, String artifactId, String version, Path pom, Path jar)
            throws IOException {
        Path dir = REPOSITORY.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        String base = artifactId + "-" + version;
        Files.copy(pom, dir.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        StringBuilder installed = new StringBuilder(base + ".pom>=\n");
        if (jar != null) {
            Files.copy(jar, dir.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            installed.append(base).append(".jar>=\n");
        }
        // What `mvn install` writes: installed locally, not downloaded from a repository.
        Files.writeString(dir.resolve("_remote.repositories"), installed, StandardCharsets.UTF_8);
    }

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        assertThat(m.find()).as("<%s> in the pom", element).isTrue();
        return m.group(1).trim();
    }

    private static int attribute(String xml, String name) {
        Matcher m = Pattern.compile("<testsuite [^>]*\\b" + name + "=\"(\\d+)\"").matcher(xml);
        assertThat(m.find()).as("%s in the surefire report", name).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && dir.getFileName().toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
