package io.github.scptoolkit.image.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import feign.FeignException;
import feign.RetryableException;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpUnauthorizedException;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Every kind of fault, as the client sees it, and the journal's record of it: what a client does
 * without retries (one attempt) and that the client's default retries survive it when they should.
 */
@ScpEmulatorTest
class FaultsTest {

    static final String SEED = ScpImages.seedId();
    static final ScpRequestPattern SEED_CALLS = ScpRequestPattern.image(SEED);

    private static ScpImageClient oneAttempt(ScpEmulator emulator) {
        return emulator.clientBuilder().maxAttempts(1).build();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void aDelayHoldsTheAnswerBackThenAnswersAsUsual(ScpEmulator emulator) {
        Duration delay = Duration.ofMillis(300);
        emulator.inject(ScpFault.delay(delay));
        long started = System.nanoTime();

        Image image = emulator.client().showImage(SEED);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
        assertThat(image.getId()).isEqualTo(SEED);
        assertThat(emulator.requests(SEED_CALLS)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.fault()).map(ScpFault::kind).contains(ScpFault.Kind.DELAY);
        });
    }

    @Test
    void aDelayLongerThanTheClientsReadTimeoutIsATimeout(ScpEmulator emulator) {
        emulator.inject(ScpFault.delay(Duration.ofSeconds(3)));
        ScpImageClient impatient = emulator.clientBuilder().maxAttempts(1).readTimeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> impatient.showImage(SEED)).isInstanceOf(RetryableException.class)
                .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(java.net.SocketTimeoutException.class));
    }

    @Test
    void tooManyRequestsAnswers429WithRetryAfter(ScpEmulator emulator) {
        emulator.inject(ScpFault.tooManyRequests(Duration.ofMillis(1500)));

        assertThatThrownBy(() -> oneAttempt(emulator).showImage(SEED)).isInstanceOfSatisfying(RetryableException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.responseHeaders().get("Retry-After")).containsExactly("2");
                    assertThat(e.contentUTF8()).contains("\"status\":429");
                });
    }

    @Test
    void theClientsRetriesOutlastAStormOfTwo429s(ScpEmulator emulator) {
        emulator.inject(ScpFault.tooManyRequests().times(2));

        assertThat(emulator.client().showImage(SEED).getId()).isEqualTo(SEED);

        emulator.verifySignedAfresh(3, SEED_CALLS);
        assertThat(emulator.requests(SEED_CALLS)).extracting(ScpRecordedRequest::status).containsExactly(429, 429, 200);
    }

    @Test
    void oneUnavailableAnswerWithRetryAfterIsRetriedAfterIt(ScpEmulator emulator) {
        emulator.inject(ScpFault.serviceUnavailable(Duration.ofSeconds(1)));

        assertThat(emulator.client().showImage(SEED).getId()).isEqualTo(SEED);

        emulator.verifySignedAfresh(2, SEED_CALLS);
        assertThat(emulator.requests(SEED_CALLS).get(0).fault()).map(ScpFault::kind)
                .contains(ScpFault.Kind.SERVICE_UNAVAILABLE);
    }

    @Test
    void anAlwaysUnavailableServiceExhaustsTheClientsAttempts(ScpEmulator emulator) {
        emulator.inject(ScpFault.serviceUnavailable().always());

        assertThatThrownBy(() -> emulator.clientBuilder().backoff(Duration.ofMillis(10), Duration.ofMillis(10)).build()
                .showImage(SEED)).isInstanceOfSatisfying(RetryableException.class, e -> assertThat(e.status()).isEqualTo(503));

        emulator.verify(3, SEED_CALLS);
    }

    @Test
    void anInternalErrorIsTheSpecsProblemAndNotRetried(ScpEmulator emulator) {
        emulator.inject(ScpFault.internalServerError());

        assertThatThrownBy(() -> emulator.client().showImage(SEED)).isInstanceOfSatisfying(FeignException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.contentUTF8()).contains(ScpProblemCode.INTERNAL_ERROR.code());
        });
        emulator.verify(1, SEED_CALLS);
    }

    @Test
    void anInvalidSignatureAnswerIsATyped401AlthoughTheSignatureVerified(ScpEmulator emulator) {
        emulator.inject(ScpFault.invalidSignature());

        assertThatThrownBy(() -> emulator.client().showImage(SEED)).isInstanceOfSatisfying(
                ScpUnauthorizedException.class,
                e -> assertThat(e.problemCode()).contains(ScpProblemCode.INVALID_SIGNATURE));
        assertThat(emulator.requests(SEED_CALLS)).singleElement().satisfies(r -> {
            assertThat(r.signatureVerified()).isTrue();
            assertThat(r.status()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE.status());
        });
    }

    /**
     * The JDK's HTTP client (Feign's default) sends a GET again by itself, unchanged, when the
     * connection is reset before an answer: two resets reach the caller as an I/O error, and the
     * journal shows the JDK's resend carrying the first attempt's very signature.
     */
    @Test
    void aConnectionResetIsAnIoErrorWithoutAnswer(ScpEmulator emulator) {
        emulator.inject(ScpFault.connectionReset().times(2));

        assertThatThrownBy(() -> oneAttempt(emulator).showImage(SEED)).isInstanceOfSatisfying(RetryableException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(-1);
                    assertThat(rootCause(e)).isInstanceOf(IOException.class).hasMessageContaining("reset");
                });
        List<ScpRecordedRequest> attempts = emulator.requests(SEED_CALLS);
        assertThat(attempts).extracting(ScpRecordedRequest::status).containsExactly(0, 0);
        assertThat(attempts.get(1).signatureFingerprint()).isEqualTo(attempts.get(0).signatureFingerprint());
    }

    @Test
    void theClientsRetrySignsAfreshAfterResets(ScpEmulator emulator) {
        emulator.inject(ScpFault.connectionReset().times(2));

        assertThat(emulator.client().showImage(SEED).getId()).isEqualTo(SEED);

        List<ScpRecordedRequest> attempts = emulator.requests(SEED_CALLS);
        assertThat(attempts).extracting(ScpRecordedRequest::status).containsExactly(0, 0, 200);
        assertThat(attempts.get(2).signatureFingerprint()).isNotEqualTo(attempts.get(0).signatureFingerprint());
        assertThatThrownBy(() -> emulator.verifySignedAfresh(3, SEED_CALLS))
                .hasMessageContaining("attempt 2 repeats an earlier attempt's signature");
    }

    @Test
    void aTruncatedBodyIsAnIoErrorAndRetried(ScpEmulator emulator) {
        emulator.inject(ScpFault.truncatedBody());

        assertThatThrownBy(() -> oneAttempt(emulator).showImage(SEED)).isInstanceOf(FeignException.class);
        assertThat(emulator.requests(SEED_CALLS)).singleElement()
                .satisfies(r -> assertThat(r.fault()).map(ScpFault::kind).contains(ScpFault.Kind.TRUNCATED_BODY));

        emulator.inject(ScpFault.truncatedBody());
        assertThat(emulator.client().showImage(SEED).getId()).isEqualTo(SEED);
        emulator.verifySignedAfresh(3, SEED_CALLS);
    }

    @Test
    void aFaultOnOneImageLeavesTheOthersAlone(ScpEmulator emulator) {
        emulator.putImage(ScpImages.seed().id("slow-image"));
        emulator.inject(ScpFault.serviceUnavailable().always().on(ScpRequestPattern.image("slow-image")));

        assertThat(oneAttempt(emulator).showImage(SEED).getId()).isEqualTo(SEED);
        assertThatThrownBy(() -> oneAttempt(emulator).showImage("slow-image")).isInstanceOf(RetryableException.class);
        assertThatThrownBy(() -> oneAttempt(emulator).showImage("slow-image")).isInstanceOf(RetryableException.class);
    }

    @Test
    void aRefusedSignatureUsesNoFault(ScpEmulator emulator) {
        emulator.inject(ScpFault.serviceUnavailable());
        ScpImageClient wrongSecret = emulator.clientBuilder()
                .credentials(emulator.demoTenant().withKeys(emulator.demoTenant().accessKey(), "wrong").credentials())
                .build();

        assertThatThrownBy(() -> wrongSecret.showImage(SEED)).isInstanceOf(ScpUnauthorizedException.class);
        assertThatThrownBy(() -> oneAttempt(emulator).showImage(SEED)).isInstanceOfSatisfying(RetryableException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void faultsAreGoneAfterEachTest_first(ScpEmulator emulator) {
        emulator.inject(ScpFault.serviceUnavailable().always());
    }

    @Test
    void faultsAreGoneAfterEachTest_second(ScpEmulator emulator) {
        assertThat(oneAttempt(emulator).showImage(SEED).getId()).isEqualTo(SEED);
    }
}
