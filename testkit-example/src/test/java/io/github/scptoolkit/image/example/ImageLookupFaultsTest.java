package io.github.scptoolkit.image.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import feign.FeignException;
import feign.RetryableException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import io.github.scptoolkit.image.client.ScpForbiddenException;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpUnauthorizedException;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.testkit.ScpEmulator;
import io.github.scptoolkit.image.testkit.ScpEmulatorTest;
import io.github.scptoolkit.image.testkit.ScpFault;
import io.github.scptoolkit.image.testkit.ScpImages;
import io.github.scptoolkit.image.testkit.ScpRecordedRequest;
import io.github.scptoolkit.image.testkit.ScpRequestPattern;
import io.github.scptoolkit.image.testkit.ScpTenant;

/**
 * {@link ImageLookup} under every fault the kit injects, and what the journal tells about its
 * calls; a shared emulator (started once for every shared class of the run).
 */
@ScpEmulatorTest(shared = true)
class ImageLookupFaultsTest {

    static final String SEED = ScpImages.seedId();
    static final ScpRequestPattern SEED_CALLS = ScpRequestPattern.image(SEED);

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void aSlowServiceIsSlowAndAnsweredAsUsual(ScpEmulator emulator) {
        emulator.inject(ScpFault.delay(Duration.ofMillis(200)));

        assertTrue(new ImageLookup(emulator.client()).find(SEED).isPresent());

        assertEquals(Optional.of(ScpFault.Kind.DELAY), emulator.requests(SEED_CALLS).get(0).fault().map(ScpFault::kind));
    }

    @Test
    void aServiceSlowerThanTheReadTimeoutIsATimeout(ScpEmulator emulator) {
        emulator.inject(ScpFault.delay(Duration.ofSeconds(3)));
        ScpImageClient impatient = emulator.clientBuilder().readTimeout(Duration.ofMillis(200)).maxAttempts(1).build();

        RetryableException timeout = assertThrows(RetryableException.class, () -> new ImageLookup(impatient).find(SEED));
        assertInstanceOf(java.net.SocketTimeoutException.class, rootCause(timeout));
    }

    @Test
    void aStormOfThree429sOutlastsTheClientsThreeAttempts(ScpEmulator emulator) {
        emulator.inject(ScpFault.tooManyRequests().times(3));

        RetryableException busy = assertThrows(RetryableException.class, () -> new ImageLookup(emulator.client()).find(SEED));
        assertEquals(429, busy.status());
        emulator.verifySignedAfresh(3, SEED_CALLS);
    }

    @Test
    void anInternalErrorReachesTheCaller(ScpEmulator emulator) {
        emulator.inject(ScpFault.internalServerError());

        FeignException error = assertThrows(FeignException.class, () -> new ImageLookup(emulator.client()).find(SEED));
        assertEquals(500, error.status());
        emulator.verify(1, SEED_CALLS);
    }

    @Test
    void aResetConnectionIsRetried(ScpEmulator emulator) {
        emulator.inject(ScpFault.connectionReset().times(2));

        assertTrue(new ImageLookup(emulator.client()).find(SEED).isPresent());

        List<ScpRecordedRequest> attempts = emulator.requests(SEED_CALLS);
        assertEquals(List.of(0, 0, 200), attempts.stream().map(ScpRecordedRequest::status).toList());
        assertEquals(attempts.get(0).signatureFingerprint(), attempts.get(1).signatureFingerprint(),
                "the JDK resends a reset GET as it was");
        assertNotEquals(attempts.get(0).signatureFingerprint(), attempts.get(2).signatureFingerprint(),
                "the client's retry signs again");
    }

    @Test
    void aTruncatedBodyIsRetried(ScpEmulator emulator) {
        emulator.inject(ScpFault.truncatedBody());

        assertTrue(new ImageLookup(emulator.client()).find(SEED).isPresent());

        emulator.verifySignedAfresh(2, SEED_CALLS);
    }

    @Test
    void aTruncatedBodyWithoutRetriesIsAnIoError(ScpEmulator emulator) {
        emulator.inject(ScpFault.truncatedBody());
        ScpImageClient once = emulator.clientBuilder().maxAttempts(1).build();

        FeignException cut = assertThrows(FeignException.class, () -> new ImageLookup(once).find(SEED));
        assertInstanceOf(IOException.class, rootCause(cut));
    }

    @Test
    void anInvalidSignatureAnswerIsATyped401(ScpEmulator emulator) {
        emulator.inject(ScpFault.invalidSignature());

        ScpUnauthorizedException refused = assertThrows(ScpUnauthorizedException.class,
                () -> new ImageLookup(emulator.client()).find(SEED));
        assertEquals(Optional.of(ScpProblemCode.INVALID_SIGNATURE), refused.problemCode());
    }

    @Test
    void aTenantWithoutTheActionIsForbidden(ScpEmulator emulator) {
        ScpTenant readOnly = emulator.putTenant(ScpTenant.forProject(emulator.demoTenant().projectId()).withActions());
        ImageLookup lookup = new ImageLookup(emulator.clientBuilder().credentials(readOnly.credentials()).build());

        ScpForbiddenException forbidden = assertThrows(ScpForbiddenException.class, () -> lookup.find(SEED));
        assertEquals(Optional.of(ScpProblemCode.ACTION_NOT_ALLOWED), forbidden.problemCode());
    }

    @Test
    void theJournalSaysWhoCalledInWhichVersion(ScpEmulator emulator) {
        ScpServiceVersion current = ScpServiceVersion.getLatest();

        new ImageLookup(emulator.client(current)).find(SEED);
        new ImageLookup(emulator.client(current)).find("no-such-image");

        emulator.verify(2, ScpRequestPattern.operation(ScpApi.SHOW_IMAGE).version(current)
                .accessKey(emulator.credentials().accessKey()).signatureVerified());
        assertEquals(List.of(200, 404), emulator.requests().stream().map(ScpRecordedRequest::status).toList());
    }

    @Test
    void aWrongCountFailsWithEveryRequestListed(ScpEmulator emulator) {
        new ImageLookup(emulator.client()).find(SEED);

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> emulator.verify(2, SEED_CALLS));
        assertTrue(failure.getMessage().contains("Requests the emulator received in this test:\n  1. GET "),
                failure.getMessage());
    }
}
