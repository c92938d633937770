package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.Retryer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The call deadline holds for any HTTP client and any retryer the builder is given, not only for
 * the defaults that {@link ClientFaultsTest} uses: each attempt gets at most the time left, body
 * reads stop at the deadline, a custom retryer cannot wait past it, and every call has its own.
 * Only upper bounds on wall-clock time are asserted, with a wide margin.
 */
@Timeout(60)   // only catches a hang; each test asserts its own, much smaller bound
class CallDeadlineTest {

    private static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final Duration SLACK = Duration.ofSeconds(6);

    private static ScpImageClient.Builder builder(Client client) {
        return ScpImageClient.builder().endpoint("http://127.0.0.1:1").credentials(ScpCredentials.of("k", "s"))
                .client(client);
    }

    @Test
    void theDefaultIsAtMostTwoMinutesAndOnlyAPositiveTimeoutIsAccepted() {
        assertThat(ScpImageClient.DEFAULT_CALL_TIMEOUT).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(2));
        assertThatIllegalArgumentException().isThrownBy(() -> ScpImageClient.builder().callTimeout(Duration.ZERO))
                .withMessageContaining("callTimeout must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> ScpImageClient.builder().callTimeout(Duration.ofSeconds(-1)));
    }

    @Test
    void eachAttemptOfACustomClientGetsAtMostTheTimeLeft() {
        List<Request.Options> seen = new ArrayList<>();
        Client answers = (request, options) -> {
            seen.add(options);
            return ok(request, RecordingClient.IMAGE_JSON.getBytes(StandardCharsets.UTF_8));
        };
        ScpImageClient client = builder(answers).connectTimeout(Duration.ofSeconds(20)).readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(2)).build();

        client.showImage(ID);

        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.connectTimeoutMillis()).isBetween(1, 2_000);
            assertThat(o.readTimeoutMillis()).isBetween(1, 2_000);
        });
    }

    @Test
    void aCustomClientsDripFedBodyEndsAtTheDeadline() {
        Client dripping = (request, options) -> ok(request, new InputStream() {
            @Override
            public int read() throws IOException {
                sleep(200);
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int c = read();   // as a socket does: whatever arrived, here one byte
                b[off] = (byte) c;
                return 1;
            }
        });
        ScpImageClient client = builder(dripping).callTimeout(Duration.ofSeconds(1)).build();

        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> client.showImage(ID));

        assertThat(thrown).isExactlyInstanceOf(ScpCallTimeoutException.class)
                .hasMessageContaining("passed while reading the response body");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1).plus(SLACK));
    }

    @Test
    void aCustomRetryerCannotWaitPastTheDeadline() {
        Client failing = (request, options) -> {
            throw new IOException("connection reset (scripted)");
        };
        // Feign's own retryer: 1.5 s, then longer, 100 attempts
        ScpImageClient client = builder(failing).retryer(new Retryer.Default(1_500, 3_000, 100))
                .callTimeout(Duration.ofSeconds(1)).build();

        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> client.showImage(ID));

        assertThat(thrown).isExactlyInstanceOf(ScpCallTimeoutException.class);
        assertThat(((ScpCallTimeoutException) thrown).attempts()).isEqualTo(1);
        assertThat(thrown.getCause()).isInstanceOf(feign.RetryableException.class)
                .hasRootCauseMessage("connection reset (scripted)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1).plus(SLACK));
    }

    @Test
    void everyCallHasItsOwnDeadline() {
        int[] calls = {0};
        Client slowOnce = (request, options) -> {
            if (calls[0]++ == 0) {
                sleep(1_500);   // the first call's deadline passes during its only attempt
                throw new IOException("too late (scripted)");
            }
            return ok(request, RecordingClient.IMAGE_JSON.getBytes(StandardCharsets.UTF_8));
        };
        ScpImageClient client = builder(slowOnce).callTimeout(Duration.ofSeconds(1)).build();

        Throwable first = catchThrowable(() -> client.showImage(ID));

        assertThat(first).isExactlyInstanceOf(ScpCallTimeoutException.class);
        assertThat(first.getCause()).hasMessage("too late (scripted)");
        assertThat(client.showImage(ID).getId()).isEqualTo(ID);
        assertThat(CallDeadline.current()).isNull();
    }

    private static Response ok(Request request, byte[] body) {
        return Response.builder().status(200).reason("OK").request(request).headers(headers()).body(body).build();
    }

    private static Response ok(Request request, InputStream body) {
        return Response.builder().status(200).reason("OK").request(request).headers(headers()).body(body, null).build();
    }

    private static Map<String, Collection<String>> headers() {
        return Map.of("Content-Type", List.of("application/json"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
