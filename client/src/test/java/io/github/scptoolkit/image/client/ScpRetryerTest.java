package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry policy table: what is retried, how often, and how long it waits (recorded, never slept). */
class ScpRetryerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<Long> sleeps = new ArrayList<>();

    private ScpRetryer retryer(int maxAttempts) {
        return new ScpRetryer(maxAttempts, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(30),
                CLOCK, sleeps::add);
    }

    private static RetryableException failure(int status, Long retryAfter) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/v1/images/x", java.util.Map.of(),
                null, java.nio.charset.StandardCharsets.UTF_8, null);
        return new RetryableException(status, "failed", Request.HttpMethod.GET, retryAfter, request);
    }

    @ParameterizedTest(name = "status {0}: retried={1}")
    @CsvSource({"-1, true", "429, true", "502, true", "503, true", "504, true",
            "400, false", "401, false", "403, false", "404, false", "500, false", "501, false", "409, false"})
    void onlyIoErrorsAndOverloadStatusesAreRetried(int status, boolean retried) {
        Retryer r = retryer(3);
        RetryableException e = failure(status, null);

        if (retried) {
            r.continueOrPropagate(e);
            assertThat(sleeps).containsExactly(100L);
        } else {
            assertThatThrownBy(() -> r.continueOrPropagate(e)).isSameAs(e);
            assertThat(sleeps).isEmpty();
        }
    }

    @Test
    void attemptsAreBoundedAndBackoffDoublesUpToTheCap() {
        Retryer r = retryer(6);
        RetryableException e = failure(-1, null);

        for (int i = 0; i < 5; i++) {
            r.continueOrPropagate(e);
        }
        assertThatThrownBy(() -> r.continueOrPropagate(e)).isSameAs(e);
        assertThat(sleeps).containsExactly(100L, 200L, 400L, 800L, 1000L);
    }

    @Test
    void oneAttemptMeansNoRetry() {
        RetryableException e = failure(503, null);

        assertThatThrownBy(() -> retryer(1).continueOrPropagate(e)).isSameAs(e);
        assertThat(sleeps).isEmpty();
    }

    @ParameterizedTest(name = "Retry-After in {0} ms: waits {1}")
    @CsvSource({"2000, 2000", "0, 0", "-5000, 0", "30000, 30000", "30001, -1"})
    void retryAfterIsHonouredUpToTheCap(long inMillis, long waited) {
        RetryableException e = failure(503, NOW.toEpochMilli() + inMillis);
        Retryer r = retryer(3);

        if (waited < 0) {
            assertThatThrownBy(() -> r.continueOrPropagate(e)).isSameAs(e);
            assertThat(sleeps).isEmpty();
        } else {
            r.continueOrPropagate(e);
            assertThat(sleeps).containsExactly(waited);
        }
    }

    @Test
    void eachCallGetsAFreshCountThroughClone() {
        Retryer first = retryer(2);
        first.continueOrPropagate(failure(-1, null));
        Retryer second = first.clone();

        second.continueOrPropagate(failure(-1, null));

        assertThat(sleeps).containsExactly(100L, 100L);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> retryer(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScpRetryer(2, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO, CLOCK,
                sleeps::add)).isInstanceOf(IllegalArgumentException.class);
    }
}
