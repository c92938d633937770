package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import feign.FeignException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ApiVersion;
import io.github.scptoolkit.image.client.ImageVersion;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/** Proves the documented error statuses: an unknown image is a 404, an unknown or malformed version a 400. */
// Retired versions (1.0 and 1.1 are past their Not Before dates) stay served, as by an older deployment.
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class ShowImageErrorsIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}: an unknown image is a 404 problem")
    @EnumSource(ApiVersion.class)
    void unknownImageIsNotFound(ApiVersion version) {
        ImageVersion<?> typed = switch (version) {
            case V1_0 -> ImageVersion.V1_0;
            case V1_1 -> ImageVersion.V1_1;
            case V1_2 -> ImageVersion.V1_2;
            case V1_3 -> ImageVersion.V1_3;
        };
        ScpImageClient<?> client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port).credentials(ReferenceServer.DEMO).build(typed);

        FeignException e = catchThrowableOfType(FeignException.class,
                () -> client.showImage("00000000-0000-0000-0000-000000000000"));

        assertThat(e.status()).isEqualTo(404);
        JsonNode problem = ReferenceServer.json(e.contentUTF8());
        assertThat(problem.get("code").asText()).isEqualTo("IMAGE_NOT_FOUND");
        assertThat(e.responseHeaders().get("content-type")).anyMatch(v -> v.startsWith("application/problem+json"));
    }

    @InvalidRequests
    @ParameterizedTest(name = "Scp-Api-Version ''{0}'' is a 400 problem")
    @ValueSource(strings = {"virtualserver 9.9", "virtualserver 1.4", "blockstorage 1.2", "virtualserver", "",
            "virtualserver1.3", "VIRTUALSERVER 1.3", "virtualserver 1.x", "1.3"})
    void unknownOrMalformedVersionIsBadRequest(String header) {
        var response = ReferenceServer.signedGet(port, "/v1/images/" + ReferenceServer.SEED_IMAGE_ID,
                Map.of("Scp-Api-Version", header));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = ReferenceServer.json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("code").asText()).isEqualTo("UNSUPPORTED_API_VERSION");
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("UNSUPPORTED_API_VERSION");
    }
}
