package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import feign.FeignException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/** Proves the documented error statuses: an unknown image is a 404, an unknown or malformed version a 400. */
// Retired versions stay served, as by an older deployment.
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class ShowImageErrorsIT {

    @LocalServerPort
    int port;

    static List<ScpServiceVersion> versions() {
        return SpecVersions.callable();
    }

    /** Unknown, other-service and malformed values, built around the spec's CURRENT version. */
    static List<String> badVersionHeaders() {
        String service = ScpApi.SERVICE;
        String current = SpecVersions.current().getVersion();
        return List.of(SpecVersions.UNKNOWN, SpecVersions.nextUnknown(), "blockstorage " + current, service, "",
                service + current, service.toUpperCase(java.util.Locale.ROOT) + " " + current,
                service + " " + current.substring(0, current.indexOf('.')) + ".x", current);
    }

    @ParameterizedTest(name = "{0}: an unknown image is a 404 problem")
    @MethodSource("versions")
    void unknownImageIsNotFound(ScpServiceVersion version) {
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(ReferenceServer.DEMO).serviceVersion(version).build();

        FeignException e = catchThrowableOfType(FeignException.class,
                () -> client.showImage("00000000-0000-0000-0000-000000000000"));

        assertThat(e.status()).isEqualTo(404);
        JsonNode problem = ReferenceServer.json(e.contentUTF8());
        assertThat(problem.get("code").asText()).isEqualTo("IMAGE_NOT_FOUND");
        assertThat(e.responseHeaders().get("content-type")).anyMatch(v -> v.startsWith("application/problem+json"));
    }

    @InvalidRequests
    @ParameterizedTest(name = "Scp-Api-Version ''{0}'' is a 400 problem")
    @MethodSource("badVersionHeaders")
    void unknownOrMalformedVersionIsBadRequest(String header) {
        var response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(ReferenceServer.SEED_IMAGE_ID),
                ReferenceServer.versionHeader(header));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = ReferenceServer.json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("code").asText()).isEqualTo("UNSUPPORTED_API_VERSION");
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("UNSUPPORTED_API_VERSION");
    }
}
