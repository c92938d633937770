package io.github.scptoolkit.image.client;

import java.time.Duration;

import feign.FeignException;
import feign.Request;

/**
 * A call that did not end within the client's {@code callTimeout} (see
 * {@link ScpImageClient.Builder#callTimeout}): the deadline passed, or would have passed during
 * the wait before a retry, whatever the server was doing (answering slowly, dripping its answer a
 * byte at a time, asking for a long {@code Retry-After}). {@link #status()} is -1, as for any
 * failure without an answer; it is never retried, and it carries, like every exception of the
 * client, a copy of the request with {@code Scp-Signature} redacted. The cause, if any, is the last
 * failure seen (an {@code IOException}, or the {@code RetryableException} of the attempt before).
 *
 * <pre>
 * try {
 *     images.showImage(id);
 * } catch (ScpCallTimeoutException e) {
 *     log.warn("no answer within {} ({} attempts)", e.timeout(), e.attempts());
 * }
 * </pre>
 */
public final class ScpCallTimeoutException extends FeignException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final int attempts;

    ScpCallTimeoutException(String message, Request request, Throwable cause, Duration timeout, int attempts) {
        super(-1, message, request, cause);
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /** The call timeout that passed. */
    public Duration timeout() {
        return timeout;
    }

    /** How many attempts had started when the call ended (0: none). */
    public int attempts() {
        return attempts;
    }
}
