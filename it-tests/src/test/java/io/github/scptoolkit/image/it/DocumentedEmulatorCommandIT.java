package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.it.docs.DocBlocks;
import io.github.scptoolkit.image.it.docs.DocClaims;
import io.github.scptoolkit.image.it.readme.ReadmeTest;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The emulator command of docs/emulator.md ("Start it and call it"), run as written from the
 * project's directory (plus a random port): the extracted jar in Spring's AOT mode with the archive
 * the build made. Proves that this start (bean definitions generated at build time, not the
 * auto-configuration the other tests start) serves what the in-process emulator serves: banner,
 * health UP, the seed image signed on every version served today, a problem for an unknown path,
 * and runtime options still honoured ({@code --scp.versions.serve-retired=true} is a property the
 * generated definitions must not have frozen). Skipped when the build was run with
 * {@code -Demulator.cds.skip=true} (no extracted jar).
 */
class DocumentedEmulatorCommandIT {

    private static final Path ROOT = ReadmeTest.projectRoot();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Process process;
    static Path log;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        // The docs' emulator command, as the doc-block inventory finds it (the same on every page that shows it).
        List<String> lines = DocClaims.EMULATOR_CDS.commands().stream().map(DocBlocks.Command::text).distinct().toList();
        assertThat(lines).as("the docs show one emulator command").hasSize(1);
        List<String> command = new ArrayList<>(List.of(lines.get(0).split(" ")));
        Path jar = ROOT.resolve(command.get(command.size() - 1));
        assumeTrue(Files.isRegularFile(jar), "the extracted emulator (not made with -Demulator.cds.skip=true)");
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        command.add("--server.port=" + port);
        command.add("--scp.versions.serve-retired=true");
        log = Files.createTempFile("documented-emulator", ".log");
        process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log).contains("SCP image-API emulator on")) {
            assertThat(process.isAlive()).as("the emulator runs: %s", Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the banner within 120 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void itStartsInSpringsAotModeAndSaysWhereItServes() throws IOException {
        String out = Files.readString(log);
        assertThat(out).contains("Starting AOT-processed").contains("SCP image-API emulator on http://127.0.0.1:" + port)
                .doesNotContain("ERROR");
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void everyVersionOfTheSpecIsServedWithTheRetiredOnesKeptOnByTheRuntimeOption() {
        // serve-retired=true: every callable version answers, the retired ones included.
        for (ScpServiceVersion version : SpecVersions.callable()) {
            Image image = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port).credentials(ReferenceServer.DEMO)
                    .serviceVersion(version).build().showImage(SEED_IMAGE_ID);
            assertThat(image.getId()).as("%s", version).isEqualTo(SEED_IMAGE_ID);
        }
        assertThat(SpecVersions.retiredOn(Clock.systemUTC())).isSubsetOf(SpecVersions.callable());
    }

    @Test
    void anUnknownPathIsAProblem() {
        HttpResponse<String> response = get("/no/such/path");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
