package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The CLI as users run it: the distribution the cli module builds is unpacked and its launcher,
 * {@code bin/scp-image}, is run as a process against the emulator on a random port, configured
 * only by {@code ~/.scpconf} in a temporary {@code HOME} (the judged set-up of the issue, at this
 * test's port): no option, no SCP variable. Needs a POSIX shell (skipped on Windows).
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class LauncherIT {

    @TempDir
    static Path unpacked;

    @TempDir
    Path home;

    @LocalServerPort
    int port;

    static Path launcher;

    @BeforeAll
    static void unpack() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows"), "a POSIX launcher");
        Path archive = Path.of(System.getProperty("scp.cli.dist", "target/cli-dist/scp-image-cli-dist.tar.gz"));
        assertThat(archive).as("the cli module's distribution (built in the same reactor)").exists();
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        String version = System.getProperty("scp.project.version", "0.1.0-SNAPSHOT");
        launcher = unpacked.resolve("scp-image-" + version).resolve("bin").resolve("scp-image");
    }

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SCP_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private void scpconf() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".scpconf"));
        Files.writeString(dir.resolve("config.json"),
                "{\"auth-url\": \"http://127.0.0.1:" + port + "/v1\", \"default-region\": \"kr-west1\"}");
        Files.writeString(dir.resolve("credentials.json"), "{\"access-key\": \"test\", \"secret-key\": \"test\"}");
    }

    @Test
    void theLauncherIsExecutableAndTheArchiveHasLibAndCompletion() throws IOException {
        assertThat(Files.getPosixFilePermissions(launcher)).contains(PosixFilePermission.OWNER_EXECUTE);
        Path app = launcher.getParent().getParent();
        assertThat(app.resolve("bin/scp-image.cmd")).exists();
        assertThat(app.resolve("completion/scp-image_completion")).content().contains("scp-image");
        try (var jars = Files.list(app.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("scp-image-cli-"))
                    .anyMatch(n -> n.startsWith("picocli-")).anyMatch(n -> n.startsWith("feign-core-"));
        }
    }

    @Test
    void withOnlyScpconfShowPrintsTheImageAndValueNamePrintsImagename() throws Exception {
        scpconf();

        Run show = run("show", "70a599e0-31e7-49b7-b260-868f441e862b");
        Run name = run("show", "70a599e0-31e7-49b7-b260-868f441e862b", "-f", "value", "-c", "name");

        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(ReferenceServer.json(show.out()).get("id").asText()).isEqualTo("70a599e0-31e7-49b7-b260-868f441e862b");
        assertThat(name.exit()).as(name.err()).isZero();
        assertThat(name.out()).isEqualTo("imagename\n");
        assertThat(name.err()).isEmpty();
    }

    @Test
    void withOnlyScpconfVersionsListsTheVersions() throws Exception {
        scpconf();

        Run versions = run("versions");

        assertThat(versions.exit()).as(versions.err()).isZero();
        for (ScpServiceVersion v : ScpServiceVersion.all()) {
            assertThat(versions.out()).contains(v.id());
        }
    }

    @Test
    void versionUsageErrorsAndNoStackTrace() throws Exception {
        Run version = run("show", "-V");
        Run badPort = run("versions", "--endpoint", "http://127.0.0.1:99999");
        Run typo = run("show", "x", "--secret-kye", "S3cr3t");

        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("scp-image " + System.getProperty("scp.project.version", ""));
        assertThat(badPort.exit()).isEqualTo(2);
        assertThat(badPort.err()).contains("port 99999 is out of range").doesNotContain("\tat ");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).doesNotContain("S3cr3t").doesNotContain("\tat ");
    }

    @Test
    void aBrokenScpconfIsAUsageErrorNamingTheFile() throws Exception {
        Path dir = Files.createDirectories(home.resolve(".scpconf"));
        Files.writeString(dir.resolve("credentials.json"), "{\"access-key\": \"test\",\n \"secret-key\": S3cr3t}");

        Run run = run("versions");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("credentials.json") + " line 2").doesNotContain("S3cr3t");
    }

    @Test
    void theDocsInstallBlockNamesThisArchiveAndDirectory() throws IOException {
        String version = System.getProperty("scp.project.version", "0.1.0-SNAPSHOT");
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docs/cli.md"))) {
            root = root.getParent();
        }
        String cliDoc = Files.readString(root.resolve("docs/cli.md"));

        assertThat(cliDoc).contains("cli/target/scp-image-cli-" + version + "-dist.tar.gz",
                "scp-image-" + version + "/bin", "scp-image-" + version + "/completion/scp-image_completion");
    }
}
