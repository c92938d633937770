package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import feign.FeignException;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import feign.RetryableException;
import feign.codec.DecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.scptoolkit.image.client.generated.api.ImagesApi;
import io.github.scptoolkit.image.client.generated.api.VersionsApi;
import io.github.scptoolkit.image.client.generated.model.ApiResponse;
import io.github.scptoolkit.image.client.generated.model.ApiVersionList;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The decoder is generic: it decodes the declared return type of any generated method (one model
 * per resource), knows the operation and version of each exchange, and has one defined outcome
 * for each broken body (never a null result).
 */
class ScpDecoderTest {

    private static final String BODY = """
            {"id": "70a599e0-31e7-49b7-b260-868f441e862b", "name": "imagename", "size": 2429747200,
             "created_at": "2024-06-16 02:55:13+00:00", "scp_gpu_driver": "535.183.06"}""";
    private static final String URL = "http://127.0.0.1/v1/images/x";

    private final ScpDecoder decoder = new ScpDecoder(ScpJson.newMapper(), SpecVersions.current());

    @Test
    void theDeclaredModelHoldsTheFieldsOfEveryVersion() throws Exception {
        Image withGpu = (Image) decoder.decode(response(BODY), returnType(ImagesApi.class, "showImage"));
        Image withoutGpu = (Image) decoder.decode(response(BODY.replace(", \"scp_gpu_driver\": \"535.183.06\"", "")),
                returnType(ImagesApi.class, "showImage"));

        assertThat(withGpu.getScpGpuDriver()).isEqualTo("535.183.06");
        assertThat(withGpu.getSize()).isEqualTo(2_429_747_200L);
        assertThat(withoutGpu.getScpGpuDriver()).isNull();
        assertThat(withoutGpu.getScpGpuDriver_JsonNullable().isPresent()).as("absent, not sent as null").isFalse();
    }

    @Test
    void withHttpInfoGivesStatusHeadersAndTheModel() throws Exception {
        Object decoded = decoder.decode(response(BODY), returnType(ImagesApi.class, "showImageWithHttpInfo"));

        assertThat(decoded).isInstanceOf(ApiResponse.class);
        ApiResponse<?> info = (ApiResponse<?>) decoded;
        assertThat(info.getStatusCode()).isEqualTo(200);
        assertThat(info.getHeaders().get("scp-api-version")).containsExactly(SpecVersions.current().headerValue());
        assertThat(info.getData()).isExactlyInstanceOf(Image.class);
    }

    @Test
    void theVersionsDocumentDecodesAsDeclaredToo() throws Exception {
        Object decoded = decoder.decode(response("""
                {"versions": [{"id": "v9.9", "status": "CURRENT", "not_before": null, "links": []},
                              {"id": "v9.8", "status": "DEPRECATED", "not_before": "2031-01-31", "links": []}]}"""),
                returnType(VersionsApi.class, "listVersions"));

        ApiVersionList list = (ApiVersionList) decoded;
        assertThat(list.getVersions()).extracting(v -> v.getId()).containsExactly("v9.9", "v9.8");
        assertThat(list.getVersions().get(1).getNotBefore()).isEqualTo(LocalDate.of(2031, 1, 31));
    }

    @Test
    void otherTypesAreDecodedAsDeclared() throws Exception {
        assertThat(decoder.decode(response("{\"a\": 1}"), Map.class)).isEqualTo(Map.of("a", 1));
        assertThat(decoder.decode(response("[1, 2]"), List.class)).isEqualTo(List.of(1, 2));
    }

    @Test
    void anEmptyBodyIsADecodeExceptionWithTheStatusNotNull() {
        for (String empty : List.of("", "  \n")) {
            Throwable thrown = catchThrowable(() -> decoder.decode(response(empty), Image.class));

            assertThat(thrown).isExactlyInstanceOf(DecodeException.class).hasMessageStartingWith("[200] empty body");
            assertThat(((DecodeException) thrown).status()).isEqualTo(200);
            assertNoRequestHeaders((FeignException) thrown);
        }
    }

    @ParameterizedTest(name = "declared {0}")
    @ValueSource(classes = {Image.class, ApiVersionList.class, Map.class, String.class})
    void aJsonNullBodyIsADecodeExceptionNeverNull(Class<?> declared) {
        Throwable thrown = catchThrowable(() -> decoder.decode(response(" null "), declared));

        assertThat(thrown).isExactlyInstanceOf(DecodeException.class).hasMessageStartingWith("[200] body is null");
        assertThat(((DecodeException) thrown).status()).isEqualTo(200);
        assertNoRequestHeaders((FeignException) thrown);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "[{\"id\": \"x\"}]", "\"an image\"", "42", "true"})
    void aModelBodyThatIsNotAJsonObjectIsADecodeException(String body) {
        Throwable thrown = catchThrowable(() -> decoder.decode(response(body), Image.class));

        assertThat(thrown).isExactlyInstanceOf(DecodeException.class)
                .hasMessage("[200] body is not a valid Image: not a JSON object (in the response to GET " + URL + ")");
        assertThat(((DecodeException) thrown).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"id\": \"x\", \"name\":", "<html>502</html>", "{\"min_disk\": 2147483648}",
        "{\"created_at\": \"yesterday\"}"})
    void aBodyThatIsNotTheDeclaredJsonIsADecodeException(String body) {
        Throwable thrown = catchThrowable(() -> decoder.decode(response(body), Image.class));

        assertThat(thrown).isExactlyInstanceOf(DecodeException.class)
                .hasMessageStartingWith("[200] body is not a valid Image: ")
                .hasMessageEndingWith(" (in the response to GET " + URL + ")");
        assertThat(((DecodeException) thrown).status()).isEqualTo(200);
        assertThat(thrown.getCause()).isInstanceOf(IOException.class);
        assertNoRequestHeaders((FeignException) thrown);
    }

    @Test
    void aBindingFailureNamesTheFieldItConcerns() {
        Throwable thrown = catchThrowable(() -> decoder.decode(response("{\"created_at\": \"yesterday\"}"), Image.class));

        assertThat(thrown).hasMessageStartingWith("[200] body is not a valid Image: field 'created_at': ")
                .hasMessageContaining("yesterday");
    }

    @Test
    void aMessageNeverEchoesTheRequestsSignatureFromTheBody() {
        Throwable thrown = catchThrowable(() -> decoder.decode(response("{\"min_disk\": \"c2lnbmF0dXJl\"}"), Image.class));

        assertThat(thrown).isExactlyInstanceOf(DecodeException.class).hasMessageContaining("field 'min_disk'")
                .hasMessageContaining(ScpMaskingLogger.REDACTED);
        assertNoRequestHeaders((FeignException) thrown);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsARetryableIoError() {
        byte[] half = BODY.substring(0, BODY.length() / 2).getBytes(StandardCharsets.UTF_8);
        Response cut = response(BODY).toBuilder().body(new ByteArrayInputStream(half), BODY.length()).build();

        Throwable thrown = catchThrowable(() -> decoder.decode(cut, Image.class));

        assertThat(thrown).isExactlyInstanceOf(RetryableException.class);
        assertThat(((RetryableException) thrown).status()).isEqualTo(-1);
        assertThat(thrown.getCause()).isInstanceOf(EOFException.class)
                .hasMessage("connection closed after " + half.length + " of " + BODY.length() + " body bytes");
        assertThat(ScpRetryer.isRetryable((RetryableException) thrown)).isTrue();
        assertNoRequestHeaders((FeignException) thrown);
    }

    @Test
    void aBodyCutShortByTheJdksOwnErrorIsTheSameEofExceptionWithThatErrorAsCause() {
        byte[] half = BODY.substring(0, BODY.length() / 2).getBytes(StandardCharsets.UTF_8);
        IOException jdks = new IOException("Premature EOF"); // e.g. Java 25's HttpURLConnection on a FIN
        InputStream halfThenFails = new InputStream() {
            private final InputStream sent = new ByteArrayInputStream(half);

            @Override
            public int read() throws IOException {
                int b = sent.read();
                if (b < 0) {
                    throw jdks;
                }
                return b;
            }
        };
        Response cut = response(BODY).toBuilder().body(halfThenFails, BODY.length()).build();

        Throwable thrown = catchThrowable(() -> decoder.decode(cut, Image.class));

        assertThat(thrown).isExactlyInstanceOf(RetryableException.class);
        assertThat(((RetryableException) thrown).status()).isEqualTo(-1);
        assertThat(thrown.getCause()).isExactlyInstanceOf(EOFException.class)
                .hasMessage("connection closed after " + half.length + " of " + BODY.length() + " body bytes")
                .hasCause(jdks);
        assertNoRequestHeaders((FeignException) thrown);
    }

    @Test
    void aTransferThatFailsIsARetryableIoError() {
        InputStream reset = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketException("Connection reset");
            }
        };
        Response broken = response(BODY).toBuilder().body(reset, null).build();

        Throwable thrown = catchThrowable(() -> decoder.decode(broken, Image.class));

        assertThat(thrown).isExactlyInstanceOf(RetryableException.class)
                .hasMessage("Connection reset while reading the body in the response to GET " + URL);
        assertThat(((RetryableException) thrown).status()).isEqualTo(-1);
        assertThat(thrown.getCause()).isInstanceOf(SocketException.class);
        assertNoRequestHeaders((FeignException) thrown);
    }

    // ---- the exchange: which operation, which version ----

    @Test
    void aVersionedOperationIsDecodedInTheVersionItAskedFor() {
        ScpServiceVersion asked = SpecVersions.supported();
        Request request = request(metadata(ImagesApi.class, "showImage"), Map.of("Scp-Api-Version", List.of(asked.headerValue())));

        ScpDecoder.Exchange exchange = decoder.exchange(request);

        assertThat(exchange.operation()).contains(ScpApi.SHOW_IMAGE);
        assertThat(exchange.version()).contains(asked);
        assertThat(ScpApi.SHOW_IMAGE.responseSchema(exchange.version().orElseThrow())).isPresent();
    }

    @Test
    void withoutAVersionHeaderTheClientsVersionApplies() {
        ScpDecoder boundToSupported = new ScpDecoder(ScpJson.newMapper(), SpecVersions.supported());

        ScpDecoder.Exchange exchange = boundToSupported.exchange(request(metadata(ImagesApi.class, "showImageWithHttpInfo"), Map.of()));

        assertThat(exchange.operation()).contains(ScpApi.SHOW_IMAGE);
        assertThat(exchange.version()).contains(SpecVersions.supported());
    }

    @Test
    void anUnversionedOperationHasNoVersionAndAnUnknownRequestNoOperation() {
        assertThat(decoder.exchange(request(metadata(VersionsApi.class, "listVersions"), Map.of())))
                .isEqualTo(new ScpDecoder.Exchange(java.util.Optional.of(ScpApi.LIST_VERSIONS), java.util.Optional.empty()));
        assertThat(decoder.exchange(request(null, Map.of())))
                .isEqualTo(new ScpDecoder.Exchange(java.util.Optional.empty(), java.util.Optional.empty()));
    }

    @Test
    void aDecodeFailureNamesTheOperationAndTheVersion() {
        ScpServiceVersion asked = SpecVersions.supported();
        Request request = request(metadata(ImagesApi.class, "showImage"), Map.of("Scp-Api-Version", List.of(asked.headerValue())));
        Response nullBody = Response.builder().status(200).reason("OK").request(request)
                .headers(Map.of()).body("null", StandardCharsets.UTF_8).build();

        Throwable thrown = catchThrowable(() -> decoder.decode(nullBody, Image.class));

        assertThat(thrown).isExactlyInstanceOf(DecodeException.class)
                .hasMessageStartingWith("[200] body is null, not a valid Image for " + ScpApi.SHOW_IMAGE.operationId()
                        + " in " + asked.headerValue() + " (in the response to GET " + URL + ")");
    }

    // ---- helpers ----

    /** Feign's own decode failure reports the request's headers (the signature) as response headers; ours do not. */
    private static void assertNoRequestHeaders(FeignException e) {
        assertThat(e.responseHeaders()).doesNotContainKey("Scp-Signature");
        assertThat(e.getMessage()).doesNotContain("c2lnbmF0dXJl");
    }

    static Type returnType(Class<?> api, String method) {
        for (Method m : api.getMethods()) {
            if (m.getName().equals(method)) {
                return m.getGenericReturnType();
            }
        }
        throw new AssertionError(api.getSimpleName() + " has no method " + method);
    }

    /** Feign's metadata of a generated method, as the client's contract parses it. */
    static MethodMetadata metadata(Class<?> api, String method) {
        return new PathSegmentContract().parseAndValidateMetadata(api).stream()
                .filter(md -> md.method().getName().equals(method)).findFirst().orElseThrow();
    }

    /** A request as Feign builds it from a generated method's template (null: from no known method). */
    private static Request request(MethodMetadata metadata, Map<String, Collection<String>> extraHeaders) {
        RequestTemplate template = new RequestTemplate();
        if (metadata != null) {
            template.methodMetadata(metadata);
        }
        Map<String, Collection<String>> headers = new HashMap<>(extraHeaders);
        headers.put("Scp-Signature", List.of("c2lnbmF0dXJl"));
        return Request.create(Request.HttpMethod.GET, URL, headers, null, StandardCharsets.UTF_8, template);
    }

    private static Response response(String json) {
        Map<String, Collection<String>> headers = Map.of("scp-api-version", List.of(SpecVersions.current().headerValue()),
                "content-type", List.of("application/json"));
        return Response.builder().status(200).reason("OK").request(request(null, Map.of())).headers(headers)
                .body(json, StandardCharsets.UTF_8).build();
    }
}
