package io.github.scptoolkit.image.client;

import java.time.Clock;
import java.time.Duration;

import feign.RetryableException;
import feign.Retryer;

/**
 * The client's retry policy, bounded and explicit. Retries only what may succeed on a second try:
 * I/O errors (Feign reports them as status -1) and 429/502/503/504 ({@link ScpErrorDecoder} makes
 * those retryable); never 400/401/403/404 or any other status. Waits the server's
 * {@code Retry-After} when it sends one (giving up at once when that is longer than
 * {@code maxRetryAfter}: waiting less than asked would not be honouring it), else an exponential
 * backoff from {@code initialBackoff}, doubled per attempt, capped at {@code maxBackoff}. At most
 * {@code maxAttempts} attempts in all (1 = no retry). A wait that would end past the call's
 * deadline ({@link CallDeadline}) is not started: the call ends at once with a
 * {@link ScpCallTimeoutException} whose cause is the failure that would have been retried. Feign
 * clones a retryer per call.
 */
final class ScpRetryer implements Retryer {

    /** How the retryer waits; tests record instead of sleeping. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Clock clock;
    private final Sleeper sleeper;
    private int attempt = 1;

    ScpRetryer(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, Clock clock,
            Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initial <= max, maxRetryAfter >= 0");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxRetryAfter = maxRetryAfter;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Whether a failure may be retried at all: an I/O error or 429/502/503/504. */
    static boolean isRetryable(RetryableException e) {
        return e.status() == -1 || ScpErrorDecoder.RETRYABLE_STATUSES.contains(e.status());
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (!isRetryable(e) || attempt >= maxAttempts) {
            throw e;
        }
        long wait = waitMillis(e);
        if (wait < 0) {
            throw e;
        }
        CallDeadline deadline = CallDeadline.current();
        if (deadline != null && deadline.wouldPass(wait)) {
            // Waiting would end past the call's deadline: end now rather than sleep into it.
            throw deadline.exceeded(e.request(), "before the " + CallDeadline.human(Duration.ofMillis(wait))
                    + (e.retryAfter() != null ? " the server asked to wait (Retry-After)" : " backoff")
                    + " before attempt " + (attempt + 1) + " could end", e);
        }
        attempt++;
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** Milliseconds to wait before the next attempt, or -1 to give up (Retry-After beyond the cap). */
    long waitMillis(RetryableException e) {
        if (e.retryAfter() != null) {
            long wait = Math.max(0, e.retryAfter() - clock.millis());
            return wait > maxRetryAfter.toMillis() ? -1 : wait;
        }
        long backoff = initialBackoff.toMillis() << Math.min(attempt - 1, 30);
        return Math.min(backoff < 0 ? Long.MAX_VALUE : backoff, maxBackoff.toMillis());
    }

    @Override
    public Retryer clone() {
        return new ScpRetryer(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, clock, sleeper);
    }
}
