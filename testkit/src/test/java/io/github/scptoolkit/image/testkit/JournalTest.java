package io.github.scptoolkit.image.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentest4j.AssertionFailedError;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.client.ScpUnauthorizedException;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The journal records what the code under test sent (method, path, operation and its parameters,
 * version, key, timestamp, a fingerprint of the signature and whether it verified, the answer) and
 * never the signature itself; {@code verify} and {@code verifySignedAfresh} count and explain.
 */
@ScpEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JournalTest {

    static final String SEED = ScpImages.seedId();

    /** Sends the exact same signed GET {@code times} times (a replay), with the demo key; returns the signature. */
    private static String sendSigned(ScpEmulator emulator, String path, int times) throws Exception {
        return sendSigned(emulator, emulator.credentials(), path, times);
    }

    private static String sendSigned(ScpEmulator emulator, ScpCredentials credentials, String path, int times)
            throws Exception {
        String url = emulator.endpoint() + path;
        Map<String, String> headers = new ScpSigner(credentials).headers("GET", url, System.currentTimeMillis());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(request::header);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < times; i++) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        return headers.get(ScpSigner.SIGNATURE_HEADER);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignedCallIsRecordedWithItsOperationVersionKeyAndVerifiedSignature(ScpEmulator emulator) {
        ScpServiceVersion version = ScpServiceVersion.getLatest();
        Instant before = Instant.now();

        emulator.client(version).showImage(SEED);

        assertThat(emulator.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo(ScpApi.SHOW_IMAGE.method());
            assertThat(r.path()).isEqualTo(ScpApi.SHOW_IMAGE.path().replaceAll("\\{[^}]+}", SEED));
            assertThat(r.operationId()).contains(ScpApi.SHOW_IMAGE.operationId());
            assertThat(r.pathParameters()).containsValue(SEED);
            assertThat(r.versionHeader()).contains(version.headerValue());
            assertThat(r.version()).contains(version);
            assertThat(r.accessKey()).contains(emulator.credentials().accessKey());
            assertThat(r.signed()).isTrue();
            assertThat(r.signatureVerified()).isTrue();
            assertThat(r.signedAt()).hasValueSatisfying(t -> assertThat(t).isBetween(before.minusSeconds(1), Instant.now()));
            assertThat(r.receivedAt()).isBetween(before, Instant.now());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.fault()).isEmpty();
        });
        emulator.verify(1, ScpRequestPattern.operation(ScpApi.SHOW_IMAGE).version(version)
                .accessKey(emulator.credentials().accessKey()).signatureVerified());
    }

    @Test
    void theJournalKeepsAFingerprintOfTheSignatureNeverTheSignature(ScpEmulator emulator) throws Exception {
        ScpTenant tenant = emulator.putTenant(ScpTenant.forProject(emulator.demoTenant().projectId()));
        String signature = sendSigned(emulator, tenant.credentials(),
                ScpApi.SHOW_IMAGE.path().replaceAll("\\{[^}]+}", SEED), 1);

        ScpRecordedRequest recorded = emulator.requests().get(0);

        assertThat(recorded.signatureFingerprint()).contains(sha256(signature));
        assertThat(recorded.toString()).doesNotContain(signature).doesNotContain(tenant.secretKey());
        assertThat(recorded.signatureFingerprint().orElseThrow()).doesNotContain(signature);
    }

    @Test
    void anEncodedImageIdIsRecordedDecoded(ScpEmulator emulator) {
        emulator.putImage(ScpImages.seed().id("with/slash and space"));

        emulator.client().showImage("with/slash and space");

        emulator.verify(1, ScpRequestPattern.image("with/slash and space"));
        assertThat(emulator.requests().get(0).path()).contains("%2F");
    }

    @Test
    void unsignedAndRefusedRequestsAreRecordedAsSuch(ScpEmulator emulator) throws Exception {
        emulator.client().versions();
        assertThatThrownBy(() -> emulator.clientBuilder()
                .credentials(emulator.demoTenant().withKeys(emulator.demoTenant().accessKey(), "wrong").credentials())
                .build().showImage(SEED)).isInstanceOf(ScpUnauthorizedException.class);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.endpoint().resolve("/no/such/path")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(emulator.requests()).hasSize(3).satisfiesExactly(
                versions -> {
                    assertThat(versions.operationId()).contains(ScpApi.LIST_VERSIONS.operationId());
                    assertThat(versions.signed()).isFalse();
                    assertThat(versions.signatureVerified()).isFalse();
                },
                refused -> {
                    assertThat(refused.signed()).isTrue();
                    assertThat(refused.signatureVerified()).isFalse();
                    assertThat(refused.status()).isEqualTo(401);
                },
                unknown -> {
                    assertThat(unknown.operationId()).isEmpty();
                    assertThat(unknown.status()).isEqualTo(404);
                });
        emulator.verify(3, ScpRequestPattern.anyRequest());
        emulator.verify(2, ScpRequestPattern.anyOperation());
        emulator.verify(0, ScpRequestPattern.anyRequest().signatureVerified());
    }

    @Test
    void aFailedVerificationSaysWhatWasExpectedAndListsEveryRequest(ScpEmulator emulator) {
        emulator.client().showImage(SEED);

        assertThatThrownBy(() -> emulator.verify(2, ScpRequestPattern.image(SEED).signatureVerified()))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getMessage()).startsWith("Expected exactly 2 requests matching <"
                            + ScpRequestPattern.image(SEED).signatureVerified() + "> but received 1.")
                            .contains("Requests the emulator received in this test:\n  1. GET ")
                            .contains("signature verified").contains("-> 200");
                    assertThat(e.getExpected().getValue()).isEqualTo(2);
                    assertThat(e.getActual().getValue()).isEqualTo(1);
                });
    }

    @Test
    void signedAfreshCatchesAReplayedSignature(ScpEmulator emulator) throws Exception {
        sendSigned(emulator, ScpApi.SHOW_IMAGE.path().replaceAll("\\{[^}]+}", SEED), 2);

        emulator.verify(2, ScpRequestPattern.image(SEED));
        assertThatThrownBy(() -> emulator.verifySignedAfresh(2, ScpRequestPattern.image(SEED)))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("but attempt 2 ");
    }

    @Test
    void signedAfreshPassesForTheClientsRetries(ScpEmulator emulator) {
        emulator.inject(ScpFault.serviceUnavailable().times(2));

        emulator.clientBuilder().backoff(Duration.ofMillis(5), Duration.ofMillis(5)).build().showImage(SEED);

        emulator.verifySignedAfresh(3, ScpRequestPattern.image(SEED));
    }

    @Test
    void resetRequestsForgetsWhatWasReceivedSoFar(ScpEmulator emulator) {
        emulator.client().showImage(SEED);
        emulator.resetRequests();
        emulator.inject(ScpFault.serviceUnavailable());

        emulator.client().showImage(SEED);

        emulator.verifySignedAfresh(2, ScpRequestPattern.image(SEED));
    }

    @Test
    @Order(1)
    void aTestThatCallsTheEmulator(ScpEmulator emulator) {
        emulator.client().showImage(SEED);
    }

    @Test
    @Order(2)
    void startsTheNextWithAnEmptyJournal(ScpEmulator emulator) {
        assertThat(emulator.requests()).isEmpty();
    }
}
