package io.github.scptoolkit.image.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import feign.Response;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.reference.EmulatorControl;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Loads the client's classes on a second thread while the first emulator of a JVM starts, so that
 * the test's first call does not pay for them after the start: one signed Show Image call, answered
 * in memory by a Feign {@code Client} with the seed image (no socket, no emulator), decoded as a
 * test's call is. Whatever it throws is dropped; it changes no state a test can see.
 */
final class ClientWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ClientWarmUp() {
    }

    /** Starts the warm-up once per JVM (a daemon thread); later calls do nothing. */
    static void startOnce() {
        if (!STARTED.compareAndSet(false, true)) {
            return;   // also when two extensions start at once (parallel test classes)
        }
        Thread thread = new Thread(ClientWarmUp::run, "scp-testkit-client-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            byte[] body = EmulatorControl.seedImageJson().getBytes(StandardCharsets.UTF_8);
            ScpServiceVersion version = ScpServiceVersion.getLatest();
            ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:1")
                    .credentials(ScpCredentials.of("warm-up", "warm-up")).serviceVersion(version).maxAttempts(1)
                    .client((request, options) -> Response.builder().status(200).reason("OK").request(request)
                            .headers(Map.of("Content-Type", List.of("application/json"),
                                    ScpApi.VERSION_HEADER, List.of(version.headerValue())))
                            .body(body).build())
                    .build();
            client.showImage(ScpImages.seedId());
        } catch (RuntimeException | LinkageError ignored) {
            // Only the classes it loaded matter.
        }
    }
}
