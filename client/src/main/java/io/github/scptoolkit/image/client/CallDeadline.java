package io.github.scptoolkit.image.client;

import java.lang.reflect.InvocationHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;

/**
 * The deadline of one call, from the moment a client method is invoked to the moment it returns
 * or throws: attempts, backoff and {@code Retry-After} waits, and reading the body included.
 * {@link #handlers} starts one per call and makes it {@link #current()} on the calling thread
 * (Feign runs a synchronous call on that thread from start to end); the machinery that can wait
 * asks it: {@link DeadlineClient} gives each attempt {@code min(timeout, remaining)} and checks
 * every read of the body, {@link ScpRetryer} never starts a wait that would end past it, and
 * {@link #retryer} ends the call when it passed, whatever retryer is configured. When it passes, the
 * call ends with a {@link ScpCallTimeoutException}, which is never retried.
 *
 * <pre>
 * CallDeadline deadline = CallDeadline.current();   // null outside a call
 * if (deadline != null &amp;&amp; deadline.passed()) throw deadline.exceeded(request, "while ...", cause);
 * </pre>
 */
final class CallDeadline {

    private static final ThreadLocal<CallDeadline> CURRENT = new ThreadLocal<>();

    private final Duration timeout;
    private final LongSupplier ticker;
    private final long deadline;
    private int attempts;
    /** The watch of the attempt under way with the JDK client, if any (see {@link DeadlineClient}). */
    private DeadlineClient.Watch watch;

    private CallDeadline(Duration timeout, LongSupplier ticker) {
        this.timeout = timeout;
        this.ticker = ticker;
        this.deadline = ticker.getAsLong() + timeout.toNanos();
    }

    /** The deadline of the call under way on this thread, or null. */
    static CallDeadline current() {
        return CURRENT.get();
    }

    /**
     * Wraps Feign's invocation handlers so that each call of a client method runs under its own
     * deadline, {@code timeout} from its start on {@code ticker} (nanoseconds, e.g. {@code System::nanoTime}).
     */
    static InvocationHandlerFactory handlers(InvocationHandlerFactory delegate, Duration timeout, LongSupplier ticker) {
        return (target, dispatch) -> {
            InvocationHandler handler = delegate.create(target, dispatch);
            return (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return handler.invoke(proxy, method, args);
                }
                CallDeadline outer = CURRENT.get();
                CURRENT.set(new CallDeadline(timeout, ticker));
                try {
                    return handler.invoke(proxy, method, args);
                } finally {
                    if (outer == null) {
                        CURRENT.remove();
                    } else {
                        CURRENT.set(outer);
                    }
                }
            };
        };
    }

    /**
     * {@code delegate}, but a call whose deadline passed ends with a {@link ScpCallTimeoutException}
     * instead of a further attempt (checked before and after the delegate's wait).
     */
    static Retryer retryer(Retryer delegate) {
        return new DeadlineRetryer(delegate);
    }

    /** Nanoseconds left (negative once passed). */
    long remainingNanos() {
        return deadline - ticker.getAsLong();
    }

    /** Milliseconds left, rounded up, at least 1 (a 0 timeout would mean "none" to the JDK). */
    long remainingMillisAtLeastOne() {
        long nanos = remainingNanos();
        return nanos <= 0 ? 1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }

    /** Whether the deadline has passed. */
    boolean passed() {
        return remainingNanos() <= 0;
    }

    /** Whether waiting {@code millis} from now would end at or past the deadline. */
    boolean wouldPass(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis) >= remainingNanos();
    }

    /** Counts an attempt that starts; returns its number (1 for the first). */
    int startAttempt() {
        return ++attempts;
    }

    int attempts() {
        return attempts;
    }

    DeadlineClient.Watch watch() {
        return watch;
    }

    void watch(DeadlineClient.Watch current) {
        this.watch = current;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * The exception that ends the call: {@code callTimeout ... passed <when>}, over the redacted
     * request, with the last failure (redacted too, if it is a Feign exception) as its cause.
     */
    ScpCallTimeoutException exceeded(Request request, String when, Throwable cause) {
        Request redacted = ScpRedaction.redact(request);
        Throwable shown = cause instanceof FeignException feign ? ScpRedaction.redact(feign) : cause;
        String message = "call timed out: callTimeout " + human(timeout) + " passed " + when + " (attempt " + attempts
                + ") during " + redacted.httpMethod() + " " + redacted.url();
        return new ScpCallTimeoutException(ScpRedaction.scrub(message, request), redacted, shown, timeout, attempts);
    }

    /** {@code 5 s}, {@code 1500 ms}. */
    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Any retryer, bounded by the call's deadline. */
    private static final class DeadlineRetryer implements Retryer {
        private final Retryer delegate;

        DeadlineRetryer(Retryer delegate) {
            this.delegate = delegate;
        }

        @Override
        public void continueOrPropagate(RetryableException e) {
            CallDeadline deadline = current();
            if (deadline != null && deadline.passed()) {
                throw deadline.exceeded(e.request(), "after a failed attempt", e);
            }
            delegate.continueOrPropagate(e);
            if (deadline != null && deadline.passed()) {
                throw deadline.exceeded(e.request(), "while waiting to retry", e);
            }
        }

        @Override
        public Retryer clone() {
            return new DeadlineRetryer(delegate.clone());
        }
    }
}
