package io.github.scptoolkit.image.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure the emulator answers with instead of (or before) its real answer, for the next
 * matching request, the next {@code n} or all of them ({@link ScpEmulator#inject}). A fault applies
 * to requests the emulator accepted (a request its signature check refuses gets that 401 and uses
 * no fault); by default to the next request to any operation of the spec. Immutable: {@link #times},
 * {@link #always} and {@link #on} return a new fault.
 *
 * <pre>
 * emulator.inject(ScpFault.serviceUnavailable(Duration.ofSeconds(1)));            // the next call: 503, Retry-After: 1
 * emulator.inject(ScpFault.tooManyRequests().times(3));                           // a 429 storm of three
 * emulator.inject(ScpFault.delay(Duration.ofSeconds(2)).always().on(ScpRequestPattern.image("slow")));
 * emulator.inject(ScpFault.connectionReset());                                    // TCP reset, no answer
 * emulator.inject(ScpFault.truncatedBody());                                      // half of the real body, then close
 * emulator.inject(ScpFault.invalidSignature());                                   // 401 INVALID_SIGNATURE
 * </pre>
 */
public final class ScpFault {

    /** What the emulator does. */
    public enum Kind {
        /** Waits, then answers as usual. */
        DELAY,
        /** {@code 429 Too Many Requests}, a problem body, {@code Retry-After} when given. */
        TOO_MANY_REQUESTS,
        /** {@code 503 Service Unavailable}, a problem body, {@code Retry-After} when given. */
        SERVICE_UNAVAILABLE,
        /** {@code 500}, the spec's {@code INTERNAL_ERROR} problem. */
        INTERNAL_SERVER_ERROR,
        /** {@code 401}, the spec's {@code INVALID_SIGNATURE} problem, although the signature verified. */
        INVALID_SIGNATURE,
        /** No answer: the connection is reset (TCP RST where the server allows it, else closed). */
        CONNECTION_RESET,
        /** The real status, headers and {@code Content-Length}, half of the body, then the connection is closed. */
        TRUNCATED_BODY
    }

    private static final int ALWAYS = -1;

    private final Kind kind;
    private final Duration duration;
    private final int times;
    private final ScpRequestPattern on;

    private ScpFault(Kind kind, Duration duration, int times, ScpRequestPattern on) {
        this.kind = kind;
        this.duration = duration;
        this.times = times;
        this.on = on;
    }

    private static ScpFault of(Kind kind, Duration duration) {
        return new ScpFault(kind, duration, 1, ScpRequestPattern.anyOperation());
    }

    /** Waits {@code delay} before answering as usual (a slow service; a client read timeout shorter than it fails). */
    public static ScpFault delay(Duration delay) {
        return of(Kind.DELAY, requireNotNegative(delay, "delay"));
    }

    /** {@code 429} without {@code Retry-After} (the client backs off by itself). */
    public static ScpFault tooManyRequests() {
        return of(Kind.TOO_MANY_REQUESTS, null);
    }

    /** {@code 429} with {@code Retry-After} in whole seconds (rounded up). */
    public static ScpFault tooManyRequests(Duration retryAfter) {
        return of(Kind.TOO_MANY_REQUESTS, requireNotNegative(retryAfter, "retryAfter"));
    }

    /** {@code 503} without {@code Retry-After} (the client backs off by itself). */
    public static ScpFault serviceUnavailable() {
        return of(Kind.SERVICE_UNAVAILABLE, null);
    }

    /** {@code 503} with {@code Retry-After} in whole seconds (rounded up). */
    public static ScpFault serviceUnavailable(Duration retryAfter) {
        return of(Kind.SERVICE_UNAVAILABLE, requireNotNegative(retryAfter, "retryAfter"));
    }

    /** {@code 500} with the spec's problem for it. */
    public static ScpFault internalServerError() {
        return of(Kind.INTERNAL_SERVER_ERROR, null);
    }

    /** {@code 401} with the spec's invalid-signature problem, whatever the request's signature. */
    public static ScpFault invalidSignature() {
        return of(Kind.INVALID_SIGNATURE, null);
    }

    /** No answer at all: the connection is reset (the client sees an I/O error, {@code Connection reset}). */
    public static ScpFault connectionReset() {
        return of(Kind.CONNECTION_RESET, null);
    }

    /** The real answer cut in half: status, headers and full {@code Content-Length}, half the body, then closed. */
    public static ScpFault truncatedBody() {
        return of(Kind.TRUNCATED_BODY, null);
    }

    /** For the next {@code n} matching requests (default 1). */
    public ScpFault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + n);
        }
        return new ScpFault(kind, duration, n, on);
    }

    /** For every matching request until the test ends. */
    public ScpFault always() {
        return new ScpFault(kind, duration, ALWAYS, on);
    }

    /** For the requests {@code pattern} matches (default {@link ScpRequestPattern#anyOperation()}). */
    public ScpFault on(ScpRequestPattern pattern) {
        return new ScpFault(kind, duration, times, Objects.requireNonNull(pattern, "pattern"));
    }

    /** What the emulator does. */
    public Kind kind() {
        return kind;
    }

    /** The delay of {@link Kind#DELAY}, or the {@code Retry-After} of a 429/503 when it has one. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    /** How many matching requests it answers; empty for {@link #always()}. */
    Optional<Integer> count() {
        return times == ALWAYS ? Optional.empty() : Optional.of(times);
    }

    /** Which requests it answers. */
    ScpRequestPattern pattern() {
        return on;
    }

    /** The kind and duration, e.g. {@code SERVICE_UNAVAILABLE (Retry-After 1 s)}. */
    String describe() {
        if (duration == null) {
            return kind.name();
        }
        return kind + (kind == Kind.DELAY ? " (" + duration.toMillis() + " ms)" : " (Retry-After " + retryAfterSeconds() + " s)");
    }

    /** {@code Retry-After} in whole seconds, rounded up. */
    long retryAfterSeconds() {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    /** E.g. {@code SERVICE_UNAVAILABLE (Retry-After 1 s), 2 times, on Image 70a5...}. */
    @Override
    public String toString() {
        return describe() + (times == ALWAYS ? ", always" : times == 1 ? ", once" : ", " + times + " times") + ", on " + on;
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
        return duration;
    }
}
