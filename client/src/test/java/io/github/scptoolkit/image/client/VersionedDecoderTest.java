package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.DecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.scptoolkit.image.client.generated.api.ImagesApi;
import io.github.scptoolkit.image.client.generated.model.ApiResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponseV1Dot2;

/**
 * Proves that the decoder gives each version its own 200 type although the generated interface
 * declares {@code ImageShowResponse}: 1.2/1.3 keep {@code scp_gpu_driver}, 1.0/1.1 do not.
 */
class VersionedDecoderTest {

    private static final String BODY = """
            {"id": "70a599e0-31e7-49b7-b260-868f441e862b", "name": "imagename", "size": 2429747200,
             "created_at": "2024-06-16 02:55:13+00:00", "scp_gpu_driver": "535.183.06"}""";

    @Test
    void version12And13DecodeTheDeclaredTypeAsV1Dot2KeepingTheGpuDriver() throws Exception {
        Object decoded = decoder(ImageVersion.V1_2).decode(response(BODY), ImageShowResponse.class);

        assertThat(decoded).isExactlyInstanceOf(ImageShowResponseV1Dot2.class);
        assertThat(((ImageShowResponseV1Dot2) decoded).getScpGpuDriver()).isEqualTo("535.183.06");
        assertThat(decoder(ImageVersion.V1_3).decode(response(BODY), ImageShowResponse.class))
                .isExactlyInstanceOf(ImageShowResponseV1Dot2.class);
    }

    @Test
    void version10And11DecodeAsImageShowResponse() throws Exception {
        for (ImageVersion<ImageShowResponse> version : List.of(ImageVersion.V1_0, ImageVersion.V1_1)) {
            Object decoded = decoder(version).decode(response(BODY), ImageShowResponse.class);

            assertThat(decoded).isExactlyInstanceOf(ImageShowResponse.class);
            assertThat(((ImageShowResponse) decoded).getSize()).isEqualTo(2_429_747_200L);
        }
    }

    @Test
    void withHttpInfoGivesStatusHeadersAndTheVersionsType() throws Exception {
        Type declared = ImagesApi.class.getMethod("showImageWithHttpInfo", String.class,
                io.github.scptoolkit.image.client.generated.model.ScpApiVersion.class, String.class)
                .getGenericReturnType();

        Object decoded = decoder(ImageVersion.V1_3).decode(response(BODY), declared);

        assertThat(decoded).isInstanceOf(ApiResponse.class);
        ApiResponse<?> info = (ApiResponse<?>) decoded;
        assertThat(info.getStatusCode()).isEqualTo(200);
        assertThat(info.getHeaders().get("scp-api-version")).containsExactly("virtualserver 1.3");
        assertThat(info.getData()).isExactlyInstanceOf(ImageShowResponseV1Dot2.class);
    }

    @Test
    void otherTypesAreDecodedAsDeclared() throws Exception {
        Object decoded = decoder(ImageVersion.V1_3).decode(response("{\"a\": 1}"), Map.class);

        assertThat(decoded).isEqualTo(Map.of("a", 1));
    }

    @Test
    void anEmptyBodyIsADecodeExceptionWithTheStatusNotNull() {
        Throwable thrown = catchThrowable(() -> decoder(ImageVersion.V1_3).decode(response(""), ImageShowResponse.class));

        assertThat(thrown).isExactlyInstanceOf(DecodeException.class).hasMessageStartingWith("[200] empty body");
        assertThat(((DecodeException) thrown).status()).isEqualTo(200);
        assertNoRequestHeaders((FeignException) thrown);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"id\": \"x\", \"name\":", "[]", "<html>502</html>", "{\"min_disk\": 2147483648}",
        "{\"created_at\": \"yesterday\"}"})
    void aBodyThatIsNotTheVersionsJsonIsADecodeException(String body) {
        Throwable thrown = catchThrowable(() -> decoder(ImageVersion.V1_3).decode(response(body), ImageShowResponse.class));

        assertThat(thrown).isExactlyInstanceOf(DecodeException.class)
                .hasMessageStartingWith("[200] body is not a valid ImageShowResponseV1Dot2 (")
                .hasMessageEndingWith(" in the response to GET http://127.0.0.1/v1/images/x");
        assertThat(((DecodeException) thrown).status()).isEqualTo(200);
        assertThat(thrown.getCause()).isInstanceOf(IOException.class);
        assertNoRequestHeaders((FeignException) thrown);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsARetryableIoError() {
        byte[] half = BODY.substring(0, BODY.length() / 2).getBytes(StandardCharsets.UTF_8);
        Response cut = response(BODY).toBuilder().body(new ByteArrayInputStream(half), BODY.length()).build();

        Throwable thrown = catchThrowable(() -> decoder(ImageVersion.V1_3).decode(cut, ImageShowResponse.class));

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

        Throwable thrown = catchThrowable(() -> decoder(ImageVersion.V1_3).decode(cut, ImageShowResponse.class));

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

        Throwable thrown = catchThrowable(() -> decoder(ImageVersion.V1_3).decode(broken, ImageShowResponse.class));

        assertThat(thrown).isExactlyInstanceOf(RetryableException.class)
                .hasMessage("Connection reset while reading the body in the response to GET http://127.0.0.1/v1/images/x");
        assertThat(((RetryableException) thrown).status()).isEqualTo(-1);
        assertThat(thrown.getCause()).isInstanceOf(SocketException.class);
        assertNoRequestHeaders((FeignException) thrown);
    }

    /** Feign's own decode failure reports the request's headers (the signature) as response headers; ours do not. */
    private static void assertNoRequestHeaders(FeignException e) {
        assertThat(e.responseHeaders()).doesNotContainKey("Scp-Signature");
        assertThat(e.getMessage()).doesNotContain("c2lnbmF0dXJl");
    }

    private static VersionedDecoder decoder(ImageVersion<?> version) {
        return new VersionedDecoder(ScpJson.newMapper(), version.responseType());
    }

    private static Response response(String json) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/v1/images/x",
                Map.of("Scp-Signature", List.of("c2lnbmF0dXJl")), null, StandardCharsets.UTF_8, null);
        Map<String, Collection<String>> headers = Map.of("scp-api-version", List.of("virtualserver 1.3"),
                "content-type", List.of("application/json"));
        return Response.builder().status(200).reason("OK").request(request).headers(headers)
                .body(json, StandardCharsets.UTF_8).build();
    }
}
