package io.github.scptoolkit.image.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;

import feign.Client;
import feign.Request;
import feign.Response;

/**
 * The HTTP client the CLI gives the SCP client: Feign's own, wrapped to remember what the commands
 * report. It counts the attempts of the last call (so "retried" is said only when it was), keeps the
 * status and the whole body of the last response as received (so {@code -f json} prints the
 * server's body exactly, and an answer that cannot be read is told apart from no answer), and
 * starts no attempt after the call's deadline. The body is handed on unchanged, including a
 * failure while reading it and the length the server announced, so the client's own rules (a body
 * cut short is an I/O error, a bad one a decode error) apply as without this wrapper.
 *
 * <pre>
 * Exchanges http = new Exchanges(new Client.Default(null, null), deadline, clock);
 * ScpImageClient.builder().client(http)...;   // then http.attempts(), http.lastBody()
 * </pre>
 */
final class Exchanges implements Client {

    private final Client delegate;
    private final Instant deadline;
    private final Clock clock;
    private volatile int attempts;
    private volatile String lastRequest;
    private volatile Response last;
    private volatile byte[] lastBody;
    private volatile IOException bodyFailure;

    /** @param deadline no attempt starts after it (null: none) */
    Exchanges(Client delegate, Instant deadline, Clock clock) {
        this.delegate = delegate;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        if (deadline != null && !clock.instant().isBefore(deadline)) {
            throw new InterruptedIOException("the call's deadline (--timeout) has passed");
        }
        // Attempts of one call: Feign retries the same request; another URL (the endpoint
        // catalog, then the image) is another call.
        String key = request.httpMethod() + " " + request.url();
        attempts = key.equals(lastRequest) ? attempts + 1 : 1;
        lastRequest = key;
        last = null;
        lastBody = null;
        bodyFailure = null;
        Response response = delegate.execute(request, options);
        last = response;
        if (response.body() == null) {
            lastBody = new byte[0];
            return response;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        IOException failure = null;
        try (InputStream in = response.body().asInputStream()) {
            in.transferTo(body);
        } catch (IOException broken) {
            failure = broken;
        }
        lastBody = body.toByteArray();
        bodyFailure = failure;
        return response.toBuilder().body(new Replay(lastBody, response.body().length(), failure)).build();
    }

    /** Attempts of the last call (1 = it was not retried). */
    int attempts() {
        return attempts;
    }

    /** The status of the last response, or -1 when the last attempt got none. */
    int lastStatus() {
        Response r = last;
        return r == null ? -1 : r.status();
    }

    /** The last response's body as received (possibly incomplete, see {@link #bodyFailure()}); null without a response. */
    byte[] lastBody() {
        return lastBody;
    }

    /** What broke while the last response's body was read, if anything did. */
    IOException bodyFailure() {
        return bodyFailure;
    }

    /** A body read once already: the same bytes, then the same failure, with the length the server announced. */
    private record Replay(byte[] bytes, Integer length, IOException failure) implements Response.Body {

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public InputStream asInputStream() {
            InputStream data = new ByteArrayInputStream(bytes);
            if (failure == null) {
                return data;
            }
            return new SequenceInputStream(data, new InputStream() {
                @Override
                public int read() throws IOException {
                    throw failure;
                }
            });
        }

        @Override
        public Reader asReader(Charset charset) {
            return new InputStreamReader(asInputStream(), charset);
        }

        @Override
        public void close() {
        }
    }
}
