package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import feign.Request;
import feign.Response;
import org.junit.jupiter.api.Test;

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

    private static VersionedDecoder decoder(ImageVersion<?> version) {
        return new VersionedDecoder(ScpJson.newMapper(), version.responseType());
    }

    private static Response response(String json) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/v1/images/x", Map.of(), null,
                StandardCharsets.UTF_8, null);
        Map<String, Collection<String>> headers = Map.of("scp-api-version", List.of("virtualserver 1.3"),
                "content-type", List.of("application/json"));
        return Response.builder().status(200).reason("OK").request(request).headers(headers)
                .body(json, StandardCharsets.UTF_8).build();
    }
}
