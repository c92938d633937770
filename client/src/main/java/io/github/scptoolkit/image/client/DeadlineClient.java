package io.github.scptoolkit.image.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.Charset;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import feign.Client;
import feign.Request;
import feign.Response;

/**
 * The HTTP client of a {@link ScpImageClient}, bounded by the call's {@link CallDeadline}: each
 * attempt gets {@code min(connectTimeout, remaining)} and {@code min(readTimeout, remaining)}, and
 * every read of the response body checks the deadline first, so a server that drips its body a
 * byte at a time cannot hold the call past it (the read under way when it passes ends the call).
 * With the default JDK client ({@link #jdk()}), a watchdog also disconnects an attempt still
 * waiting for the response headers when the deadline passes, so a server dripping its status line
 * or headers cannot hold it either. A passed deadline is a {@link ScpCallTimeoutException}, never
 * an I/O error to retry.
 *
 * <pre>
 * Client client = DeadlineClient.around(new Client.Default(null, null));
 * </pre>
 */
final class DeadlineClient implements Client {

    private final Client delegate;
    private final boolean watched;

    private DeadlineClient(Client delegate, boolean watched) {
        this.delegate = delegate;
        this.watched = watched;
    }

    /** Feign's default client ({@code HttpURLConnection}), with the watchdog for the response headers. */
    static Client jdk() {
        return new DeadlineClient(new JdkClient(), true);
    }

    /** Any client, with per-attempt timeouts and body reads bounded by the deadline. */
    static Client around(Client client) {
        return new DeadlineClient(client, false);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        CallDeadline deadline = CallDeadline.current();
        if (deadline == null) {
            return delegate.execute(request, options);
        }
        int attempt = deadline.startAttempt();
        if (deadline.passed()) {
            throw deadline.exceeded(request, "before attempt " + attempt + " could start", null);
        }
        long remaining = deadline.remainingMillisAtLeastOne();
        Request.Options bounded = new Request.Options(bound(options.connectTimeoutMillis(), remaining),
                TimeUnit.MILLISECONDS, bound(options.readTimeoutMillis(), remaining), TimeUnit.MILLISECONDS,
                options.isFollowRedirects());
        Watch watch = watched ? Watch.start(deadline) : null;
        Response response;
        try {
            response = delegate.execute(request, bounded);
        } catch (IOException | RuntimeException failed) {
            boolean fired = watch != null && !watch.finish(deadline);
            if (fired || deadline.passed()) {
                throw deadline.exceeded(request, "while waiting for the response", failed);
            }
            throw failed;
        }
        if (watch != null && !watch.finish(deadline)) {
            response.close();
            throw deadline.exceeded(request, "while waiting for the response", null);
        }
        return response.body() == null ? response
                : response.toBuilder().body(new DeadlineBody(response.body(), deadline, request)).build();
    }

    /** A configured timeout (0 = none) bounded by what is left. */
    private static long bound(int configuredMillis, long remainingMillis) {
        return configuredMillis <= 0 ? remainingMillis : Math.min(configuredMillis, remainingMillis);
    }

    /** Feign's default client; registers each attempt's connection with the attempt's {@link Watch}. */
    static final class JdkClient extends Client.Default {
        JdkClient() {
            super(null, null);
        }

        @Override
        public HttpURLConnection getConnection(URL url) throws IOException {
            HttpURLConnection connection = super.getConnection(url);
            CallDeadline deadline = CallDeadline.current();
            Watch watch = deadline == null ? null : deadline.watch();
            if (watch != null && !watch.attach(connection)) {
                throw new InterruptedIOException("the call deadline passed before connecting");
            }
            return connection;
        }
    }

    /**
     * Disconnects an attempt's connection when the deadline passes while the attempt still waits
     * for the response (connecting, sending, reading the status line and headers). It fires at
     * the deadline and again every {@value #REFIRE_MILLIS} ms until the attempt ends, since a
     * disconnect while the socket is still being opened finds nothing to close yet.
     */
    static final class Watch implements Runnable {
        private static final int WAITING = 0;
        private static final int FINISHED = 1;
        private static final int FIRED = 2;
        private static final long REFIRE_MILLIS = 50;

        private final AtomicInteger state = new AtomicInteger(WAITING);
        private volatile HttpURLConnection connection;
        private volatile ScheduledFuture<?> next;

        static Watch start(CallDeadline deadline) {
            Watch watch = new Watch();
            deadline.watch(watch);
            watch.next = Watchdog.EXECUTOR.schedule(watch, Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
            return watch;
        }

        /** Registers the attempt's connection; false when the deadline already fired. */
        boolean attach(HttpURLConnection c) {
            connection = c;
            return state.get() == WAITING;
        }

        /** Ends the watch as the attempt returns; false when it fired (the connection may be gone). */
        boolean finish(CallDeadline deadline) {
            deadline.watch(null);
            boolean finished = state.compareAndSet(WAITING, FINISHED);
            ScheduledFuture<?> pending = next;
            if (pending != null) {
                pending.cancel(false);
            }
            if (!finished) {
                state.set(FINISHED);   // stops the refiring
            }
            connection = null;
            return finished;
        }

        @Override
        public void run() {
            if (state.get() == FINISHED || (state.get() == WAITING && !state.compareAndSet(WAITING, FIRED))) {
                return;
            }
            HttpURLConnection c = connection;
            try {
                if (c != null) {
                    c.disconnect();
                }
            } catch (RuntimeException ignored) {
                // whatever state the connection is in, the attempt sees it fail
            }
            if (state.get() == FIRED) {
                next = Watchdog.EXECUTOR.schedule(this, REFIRE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One daemon thread for every client's watches, started on first use and ended when idle. */
    private static final class Watchdog {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "scp-call-deadline");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            executor.setKeepAliveTime(10, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }
    }

    /** A response body whose reads are bounded by the deadline. */
    private static final class DeadlineBody implements Response.Body {
        private final Response.Body delegate;
        private final CallDeadline deadline;
        private final Request request;

        DeadlineBody(Response.Body delegate, CallDeadline deadline, Request request) {
            this.delegate = delegate;
            this.deadline = deadline;
            this.request = request;
        }

        @Override
        public Integer length() {
            return delegate.length();
        }

        @Override
        public boolean isRepeatable() {
            return delegate.isRepeatable();
        }

        @Override
        public InputStream asInputStream() throws IOException {
            return new DeadlineStream(delegate.asInputStream(), deadline, request);
        }

        @Override
        public Reader asReader(Charset charset) throws IOException {
            return new InputStreamReader(asInputStream(), charset);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }

    /** Checks the deadline before each read, and turns a read that fails past it into the call's timeout. */
    private static final class DeadlineStream extends FilterInputStream {
        private static final String WHILE = "while reading the response body";
        private final CallDeadline deadline;
        private final Request request;

        DeadlineStream(InputStream in, CallDeadline deadline, Request request) {
            super(in);
            this.deadline = deadline;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            check();
            try {
                return in.read();
            } catch (IOException e) {
                throw afterFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw afterFailure(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            check();
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw afterFailure(e);
            }
        }

        private void check() {
            if (deadline.passed()) {
                throw deadline.exceeded(request, WHILE, null);
            }
        }

        private IOException afterFailure(IOException e) {
            if (deadline.passed()) {
                throw deadline.exceeded(request, WHILE, e);
            }
            return e;
        }
    }
}
