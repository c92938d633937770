package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import feign.FeignException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ImageVersion;
import io.github.scptoolkit.image.client.ScpBadRequestException;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpNotFoundException;
import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * Every error status the reference server produces today (400, 404) on every version reaches the
 * client as its typed exception with the server's code; unknown, malformed and other-service
 * versions are 400 problems quoting the header as sent. (401/403 come with signing; their decoding
 * is unit-tested in the client.)
 */
@SpringBootTest(classes = {ReferenceServerApplication.class, ReferenceClocks.BeforeAnyNotBefore.class},
        webEnvironment = WebEnvironment.RANDOM_PORT)
class TypedErrorsIT {

    @LocalServerPort
    int port;

    static Stream<ImageVersion<?>> versions() {
        return Stream.of(ImageVersion.V1_0, ImageVersion.V1_1, ImageVersion.V1_2, ImageVersion.V1_3);
    }

    private ScpImageClient<?> client(ImageVersion<?> version) {
        return ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(ReferenceServer.DEMO).clock(ReferenceClocks.BEFORE_ANY_NOT_BEFORE).build(version);
    }

    @ParameterizedTest(name = "{0}: 404 is ScpNotFoundException IMAGE_NOT_FOUND")
    @MethodSource("versions")
    void unknownImageIsATypedNotFound(ImageVersion<?> version) {
        ScpNotFoundException e = catchThrowableOfType(ScpNotFoundException.class,
                () -> client(version).showImage("00000000-0000-0000-0000-000000000000"));

        assertThat(e).isInstanceOf(FeignException.NotFound.class);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("IMAGE_NOT_FOUND");
        assertThat(e.detail()).isEqualTo("No image with id '00000000-0000-0000-0000-000000000000' was found.");
        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.getStatus()).isEqualTo("404"));
    }

    @InvalidRequests
    @ParameterizedTest(name = "{0}: 400 is ScpBadRequestException INVALID_REQUEST")
    @MethodSource("versions")
    void overlongImageIdIsATypedBadRequest(ImageVersion<?> version) {
        ScpBadRequestException e = catchThrowableOfType(ScpBadRequestException.class,
                () -> client(version).showImage("a".repeat(256)));

        assertThat(e).isInstanceOf(FeignException.BadRequest.class);
        assertThat(e.code()).isEqualTo("INVALID_REQUEST");
    }

    @InvalidRequests
    @ParameterizedTest(name = "Scp-Api-Version ''{0}'' is a 400 UNSUPPORTED_API_VERSION quoting it")
    @ValueSource(strings = {"blockstorage 1.2", "virtualserver 9.9", "virtualserver", ""})
    void unknownMalformedAndOtherServiceVersionsAreBadRequests(String header) {
        HttpResponse<String> response = ReferenceServer.signedGet(port, "/v1/images/" + ReferenceServer.SEED_IMAGE_ID,
                Map.of("Scp-Api-Version", header), ReferenceClocks.BEFORE_ANY_NOT_BEFORE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = ReferenceServer.json(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("UNSUPPORTED_API_VERSION");
        assertThat(problem.get("detail").asText()).isEqualTo("Scp-Api-Version '" + header + "' is not supported."
                + " Supported: virtualserver 1.3, virtualserver 1.2, virtualserver 1.1, virtualserver 1.0.");
        assertThat(problem.get("instance").asText()).isEqualTo("/v1/images/" + ReferenceServer.SEED_IMAGE_ID);
    }
}
