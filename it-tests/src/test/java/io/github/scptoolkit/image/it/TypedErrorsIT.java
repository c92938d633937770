package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import feign.FeignException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpBadRequestException;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpNotFoundException;
import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Every error status the reference server produces for a signed caller allowed the action (400,
 * 404) on every version reaches the client as its typed exception with the server's code;
 * unknown, malformed and other-service versions are 400 problems quoting the header as sent and
 * listing every version served (all callable ones, the clock being before any Not Before date).
 * (401/403 are {@link RequestSigningIT}'s and {@link EmulatorCatalogIT}'s.)
 */
@SpringBootTest(classes = {ReferenceServerApplication.class, ReferenceClocks.BeforeAnyNotBefore.class},
        webEnvironment = WebEnvironment.RANDOM_PORT)
class TypedErrorsIT {

    @LocalServerPort
    int port;

    static List<ScpServiceVersion> versions() {
        return SpecVersions.callable();
    }

    static List<String> badVersionHeaders() {
        return List.of("blockstorage " + SpecVersions.current().getVersion(), SpecVersions.UNKNOWN, ScpApi.SERVICE, "");
    }

    private ScpImageClient client(ScpServiceVersion version) {
        return ScpImageClient.builder().endpoint("http://127.0.0.1:" + port).credentials(ReferenceServer.DEMO)
                .clock(ReferenceClocks.BEFORE_ANY_NOT_BEFORE).serviceVersion(version).build();
    }

    @ParameterizedTest(name = "{0}: 404 is ScpNotFoundException IMAGE_NOT_FOUND")
    @MethodSource("versions")
    void unknownImageIsATypedNotFound(ScpServiceVersion version) {
        ScpNotFoundException e = catchThrowableOfType(ScpNotFoundException.class,
                () -> client(version).showImage("00000000-0000-0000-0000-000000000000"));

        assertThat(e).isInstanceOf(FeignException.NotFound.class);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("IMAGE_NOT_FOUND");
        assertThat(e.problemCode()).contains(ScpProblemCode.IMAGE_NOT_FOUND);
        assertThat(e.detail()).isEqualTo("No image with id '00000000-0000-0000-0000-000000000000' was found.");
        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.getStatus()).isEqualTo("404"));
    }

    @InvalidRequests
    @ParameterizedTest(name = "{0}: 400 is ScpBadRequestException INVALID_REQUEST")
    @MethodSource("versions")
    void overlongImageIdIsATypedBadRequest(ScpServiceVersion version) {
        ScpBadRequestException e = catchThrowableOfType(ScpBadRequestException.class,
                () -> client(version).showImage("a".repeat(256)));

        assertThat(e).isInstanceOf(FeignException.BadRequest.class);
        assertThat(e.code()).isEqualTo("INVALID_REQUEST");
        assertThat(e.problemCode()).contains(ScpProblemCode.INVALID_REQUEST);
    }

    @InvalidRequests
    @ParameterizedTest(name = "Scp-Api-Version ''{0}'' is a 400 UNSUPPORTED_API_VERSION quoting it")
    @MethodSource("badVersionHeaders")
    void unknownMalformedAndOtherServiceVersionsAreBadRequests(String header) {
        HttpResponse<String> response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(ReferenceServer.SEED_IMAGE_ID),
                ReferenceServer.versionHeader(header), ReferenceClocks.BEFORE_ANY_NOT_BEFORE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = ReferenceServer.json(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("UNSUPPORTED_API_VERSION");
        assertThat(problem.get("detail").asText()).isEqualTo("Scp-Api-Version '" + header + "' is not supported."
                + " Supported: " + SpecVersions.supportedList(SpecVersions.servedOn(ReferenceClocks.BEFORE_ANY_NOT_BEFORE))
                + ".");
        assertThat(problem.get("instance").asText()).isEqualTo(ReferenceServer.imagePath(ReferenceServer.SEED_IMAGE_ID));
    }
}
