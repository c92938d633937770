package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import feign.Client;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.DecodeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;

/**
 * Every {@code FeignException} the client throws, of every kind, carries a copy of the request
 * with {@code Scp-Signature} redacted and never the secret key: its message, {@code toString()},
 * stack trace print-out, {@code request().headers()}, {@code request().toString()} and response
 * headers are checked, with Feign's log lines at every level, for a request signed with a known key,
 * through the conveniences, the accessors and every method of every generated interface
 * {@link ScpImageClient#api(Class)} hands out (the unsigned versions document included).
 */
class NothingReplayableLeavesTheClientTest {

    private static final String SECRET = "redaction-test-secret-key";
    private static final ScpCredentials CREDENTIALS = ScpCredentials.of("AK-REDACT", SECRET,
            "a8f10467abfc4b87b64614ab36eb9ae4");
    private static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String ENDPOINT = "http://127.0.0.1:8080";

    /** One way for a call to fail: what the HTTP client does with the request, and the exception type expected. */
    record Fault(String name, Function<Request, Response> answer, Class<? extends FeignException> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Response answer(Request request, int status, String body) {
        return Response.builder().status(status).reason("scripted").request(request)
                .headers(Map.of("Content-Type", List.of(status == 200 ? "application/json" : "application/problem+json")))
                .body(body, StandardCharsets.UTF_8).build();
    }

    private static Response streaming(Request request, InputStream body, int length) {
        return Response.builder().status(200).reason("scripted").request(request)
                .headers(Map.of("Content-Type", List.of("application/json"))).body(body, length).build();
    }

    static List<Fault> faults() {
        String problem = "{\"status\":%d,\"code\":\"X\",\"title\":\"x\"}";
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault("400 problem", r -> answer(r, 400, problem.formatted(400)), ScpBadRequestException.class));
        faults.add(new Fault("401 problem", r -> answer(r, 401, problem.formatted(401)), ScpUnauthorizedException.class));
        faults.add(new Fault("403 problem", r -> answer(r, 403, problem.formatted(403)), ScpForbiddenException.class));
        faults.add(new Fault("404 problem", r -> answer(r, 404, problem.formatted(404)), ScpNotFoundException.class));
        faults.add(new Fault("405 (Feign's default decoder)", r -> answer(r, 405, ""), FeignException.MethodNotAllowed.class));
        faults.add(new Fault("500 (Feign's default decoder)", r -> answer(r, 500, "oops"), FeignException.InternalServerError.class));
        faults.add(new Fault("503 retryable", r -> answer(r, 503, ""), RetryableException.class));
        faults.add(new Fault("I/O error", r -> {
            throw new java.io.UncheckedIOException(new IOException("connection reset (scripted)"));
        }, RetryableException.class));
        faults.add(new Fault("200 with an empty body", r -> answer(r, 200, ""), DecodeException.class));
        faults.add(new Fault("200 that is not an image", r -> answer(r, 200, "[1,2]"), DecodeException.class));
        // A RetryableException, or with HEADERS/FULL logging (which reads the body first) a DecodeException.
        faults.add(new Fault("200 cut short", r -> streaming(r, new ByteArrayInputStream("{\"id\":".getBytes()), 500),
                FeignException.class));
        faults.add(new Fault("body unreadable", r -> streaming(r, new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("stream broken (scripted)");
            }
        }, 100), FeignException.class));
        faults.add(new Fault("an HTTP client that throws Feign's own exception", r -> {
            throw new FeignException.BadGateway("bad gateway (scripted) " + r, r, null, r.headers());
        }, FeignException.class));
        return faults;
    }

    static Stream<Arguments> faultsAtEveryLevel() {
        return faults().stream().flatMap(f -> Stream.of(Logger.Level.values()).map(level -> Arguments.of(f, level)));
    }

    /** Records each request it is given (with its real signature) and answers as the fault says. */
    static final class Scripted implements Client {
        final List<String> signatures = new ArrayList<>();
        private final Fault fault;

        Scripted(Fault fault) {
            this.fault = fault;
        }

        @Override
        public Response execute(Request request, Request.Options options) throws IOException {
            signatures.addAll(valuesOf(request.headers(), "Scp-Signature")); // none for an unsigned operation
            try {
                return fault.answer.apply(request);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static ScpImageClient client(Client http, List<String> lines, Logger.Level level) {
        return ScpImageClient.builder().endpoint(ENDPOINT).credentials(CREDENTIALS)
                .clock(Clock.fixed(Instant.parse("2025-11-27T00:00:00Z"), ZoneOffset.UTC)).client(http)
                .maxAttempts(2).backoff(java.time.Duration.ZERO, java.time.Duration.ZERO)
                .logger(ScpMaskingLogger.to(lines::add)).logLevel(level).build();
    }

    /** A call of the client and the operation of the spec it sends. */
    record Call(String name, ScpOperation operation, ThrowingCallable call) {
    }

    /**
     * Every way the client calls the server: the conveniences, the accessors, and every method of
     * every generated interface through {@link ScpImageClient#api(Class)} (found in the generated
     * package, so a new operation is covered with no edit here).
     */
    static List<Call> calls(ScpImageClient client) throws Exception {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("showImage", ScpApi.SHOW_IMAGE, () -> client.showImage(ID)));
        calls.add(new Call("showImageWithResponse", ScpApi.SHOW_IMAGE, () -> client.showImageWithResponse(ID)));
        calls.add(new Call("images().showImage", ScpApi.SHOW_IMAGE, () -> client.images().showImage(ID, null, null)));
        calls.add(new Call("versions", ScpApi.LIST_VERSIONS, client::versions));
        calls.add(new Call("versionCheck", ScpApi.LIST_VERSIONS, client::versionCheck));
        calls.add(new Call("versionsApi().listVersions", ScpApi.LIST_VERSIONS, () -> client.versionsApi().listVersions()));
        for (Class<?> api : OperationMachineryTest.generatedInterfaces()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object proxy = client.api((Class) api);
            for (Method method : api.getDeclaredMethods()) {
                Object[] args = Stream.of(method.getParameterTypes()).map(t -> t == String.class ? ID : null).toArray();
                calls.add(new Call("api(" + api.getSimpleName() + ")." + method.getName(),
                        Operations.of(method).orElseThrow(), () -> {
                            try {
                                method.invoke(proxy, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }));
            }
        }
        return calls;
    }

    @ParameterizedTest(name = "{0}, log level {1}")
    @MethodSource("faultsAtEveryLevel")
    void noExceptionNorLogLineCarriesTheSignatureOrTheSecret(Fault fault, Logger.Level level) throws Exception {
        Scripted http = new Scripted(fault);
        List<String> lines = new ArrayList<>();
        ScpImageClient client = client(http, lines, level);

        List<Call> calls = calls(client);
        for (Call call : calls) {
            Throwable thrown = catchThrowable(call.call());

            assertThat(thrown).as(call.name()).isInstanceOf(fault.expected());
            assertCarriesNoSecret((FeignException) thrown, http.signatures, call.operation());
        }

        assertThat(calls).extracting(Call::operation).containsAll(ScpApi.operations());
        assertThat(http.signatures).isNotEmpty().allSatisfy(s -> assertThat(s).hasSizeGreaterThan(20));
        for (String line : lines) {
            assertThat(line).doesNotContain(SECRET);
            http.signatures.forEach(signature -> assertThat(line).doesNotContain(signature));
        }
        if (level.compareTo(Logger.Level.HEADERS) >= 0) {
            assertThat(lines).anyMatch(l -> l.equals("[ImagesApi#showImage] Scp-Signature: " + ScpMaskingLogger.REDACTED));
        }
    }

    static void assertCarriesNoSecret(FeignException e, List<String> signatures, ScpOperation operation) {
        List<String> secrets = new ArrayList<>(signatures);
        secrets.add(SECRET);
        StringWriter printed = new StringWriter();
        e.printStackTrace(new PrintWriter(printed));
        List<String> texts = new ArrayList<>(List.of(String.valueOf(e.getMessage()), e.toString(), printed.toString(),
                String.valueOf(e.responseHeaders())));
        assertThat(e.hasRequest()).as("the exception still says which request failed").isTrue();
        Request request = e.request();
        texts.add(request.toString());
        texts.add(String.valueOf(request.headers()));
        assertThat(request.requestTemplate()).as("no template (it holds the signed headers)").isNull();
        assertThat(request.url()).isEqualTo(ENDPOINT + operation.path().replaceAll("\\{[^}]+}", ID));
        if (operation.signed()) {
            assertThat(valuesOf(request.headers(), "Scp-Signature")).containsExactly(ScpMaskingLogger.REDACTED);
            assertThat(valuesOf(request.headers(), "Scp-Accesskey")).containsExactly("AK-REDACT");
        } else {
            assertThat(valuesOf(request.headers(), "Scp-Signature")).isEmpty();
        }
        assertThat(valuesOf(e.responseHeaders(), "Scp-Signature")).allMatch(ScpMaskingLogger.REDACTED::equals);
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private static List<String> valuesOf(Map<String, Collection<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream()).toList();
    }
}
