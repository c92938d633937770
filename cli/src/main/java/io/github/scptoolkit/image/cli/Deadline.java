package io.github.scptoolkit.image.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --timeout}: a deadline for a whole call, retries, backoff and endpoint discovery included.
 * The SCP client bounds each attempt (connect and read timeouts) but has no whole-call deadline of
 * its own yet, and a server that sends a body a byte at a time never trips a read timeout; so the
 * call runs on a daemon thread and the command stops waiting at the deadline (that thread starts no
 * further attempt, see {@link Exchanges}, and ends with the process). A client-side whole-call
 * deadline, when the client gets one, makes this wrapper a plain call.
 *
 * <pre>
 * Image image = Deadline.run(Duration.ofSeconds(10), () -&gt; client.showImage(id));
 * </pre>
 */
final class Deadline {

    /** The call did not end within its deadline. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final transient Duration timeout;

        Exceeded(Duration timeout) {
            super("no complete answer within --timeout " + DurationOption.format(timeout), null, false, false);
            this.timeout = timeout;
        }
    }

    private Deadline() {
    }

    /** The call's result, or its own exception; {@link Exceeded} when it takes longer than {@code timeout}. */
    static <T> T run(Duration timeout, Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable failed) {
                result.completeExceptionally(failed);
            }
        }, "scp-image-call");
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            throw new Exceeded(timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Exceeded(timeout);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
