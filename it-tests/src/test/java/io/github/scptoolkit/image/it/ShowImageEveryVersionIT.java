package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ImageVersion;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponseV1Dot2;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * Proves, on every version, that the generated client and the reference server agree with the
 * vendor's reference: the 200 body equals the seed example field by field, 1.0/1.1 bodies carry no
 * {@code scp_gpu_driver}, and a request without the header is served as 1.3.
 */
// Retired versions (1.0 and 1.1 are past their Not Before dates) stay served, as by an older deployment.
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class ShowImageEveryVersionIT {

    @LocalServerPort
    int port;

    static Stream<Arguments> versions() {
        return Stream.of(
                Arguments.of(ImageVersion.V1_0, "1.0"),
                Arguments.of(ImageVersion.V1_1, "1.1"),
                Arguments.of(ImageVersion.V1_2, "1.2"),
                Arguments.of(ImageVersion.V1_3, "1.3"));
    }

    private <T extends ImageShowResponse> ScpImageClient<T> client(ImageVersion<T> version) {
        return ScpImageClient.builder().endpoint("http://127.0.0.1:" + port).credentials(ReferenceServer.DEMO).build(version);
    }

    @ParameterizedTest(name = "{1}: the client decodes the seed example field by field")
    @MethodSource("versions")
    void clientBodyEqualsSeedExample(ImageVersion<?> version, String number) throws Exception {
        ImageShowResponse image = client(version).showImage(SEED_IMAGE_ID);

        assertThat(image).isExactlyInstanceOf(version.responseType());
        ImageShowResponse expected = ScpJson.newMapper()
                .treeToValue(ReferenceServer.seedExample(number), version.responseType());
        // Field by field, through the generated model (the client's decoding of the seed example).
        assertThat(image.getId()).isEqualTo(expected.getId());
        assertThat(image.getSize()).isEqualTo(2_429_747_200L);
        assertThat(image.getVirtualSize()).isEqualTo(17_179_869_184L);
        assertThat(image.getCreatedAt()).isEqualTo(java.time.OffsetDateTime.parse("2025-07-22T09:00:00Z"));
        assertThat(image.getUpdatedAt()).isEqualTo(java.time.OffsetDateTime.parse("2025-07-26T12:00:00Z"));
        assertThat(image.getVolumes()).isEqualTo(ReferenceServer.seedExample(number).get("volumes").asText());
        assertThat(image).isEqualTo(expected); // generated equals(): every field
    }

    @Test
    void versions12And13GiveTheGpuDriverWithoutCasts() {
        ImageShowResponseV1Dot2 v12 = client(ImageVersion.V1_2).showImage(SEED_IMAGE_ID);
        ImageShowResponseV1Dot2 v13 = client(ImageVersion.V1_3).showImage(SEED_IMAGE_ID);

        assertThat(v12.getScpGpuDriver()).isEqualTo("535.183.06");
        assertThat(v13.getScpGpuDriver()).isEqualTo("535.183.06");
    }

    @ParameterizedTest(name = "{1}: the raw 200 body equals the seed example exactly")
    @MethodSource("versions")
    void rawBodyEqualsSeedExample(ImageVersion<?> version, String number) {
        var response = ReferenceServer.signedGet(port, "/v1/images/" + SEED_IMAGE_ID,
                Map.of("Scp-Api-Version", "virtualserver " + number));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ReferenceServer.json(response.body());
        assertThat(body).isEqualTo(ReferenceServer.seedExample(number));
        assertThat(body.has("scp_gpu_driver")).isEqualTo(number.equals("1.2") || number.equals("1.3"));
    }

    @Test
    void requestWithoutVersionHeaderIsServedAs13() {
        var response = ReferenceServer.signedGet(port, "/v1/images/" + SEED_IMAGE_ID, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body())).isEqualTo(ReferenceServer.seedExample("1.3"));
    }
}
