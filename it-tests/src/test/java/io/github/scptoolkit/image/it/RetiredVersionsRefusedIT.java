package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import feign.FeignException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpBadRequestException;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * With the server's clock at {@link ReferenceClocks#TODAY} and default settings, the DEPRECATED
 * versions past their Not Before dates are refused with a 400 RETIRED_API_VERSION problem that
 * lists the versions served, which the client decodes to its typed exception; every other
 * callable version is served.
 */
@SpringBootTest(classes = {ReferenceServerApplication.class, ReferenceClocks.Today.class},
        webEnvironment = WebEnvironment.RANDOM_PORT)
class RetiredVersionsRefusedIT {

    @LocalServerPort
    int port;

    static List<ScpServiceVersion> retired() {
        return SpecVersions.retiredOn(ReferenceClocks.TODAY);
    }

    static List<ScpServiceVersion> served() {
        return SpecVersions.servedOn(ReferenceClocks.TODAY);
    }

    @Test
    void todayEveryCallableVersionIsEitherServedOrRetired() {
        List<ScpServiceVersion> both = new java.util.ArrayList<>(served());
        both.addAll(retired());

        assertThat(both).containsExactlyInAnyOrderElementsOf(SpecVersions.callable());
        assertThat(served()).contains(SpecVersions.current());
        assertThat(retired()).as("the spec's DEPRECATED versions past their Not Before date (the vendor's 1.0 is)")
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("retired")
    void retiredVersionsAreRefusedWithAProblem(ScpServiceVersion version) {
        HttpResponse<String> response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID),
                ReferenceServer.versionHeader(version), ReferenceClocks.TODAY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = ReferenceServer.json(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("RETIRED_API_VERSION");
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("RETIRED_API_VERSION");
        assertThat(problem.get("detail").asText()).isEqualTo("Scp-Api-Version '" + version.headerValue()
                + "' is no longer supported: its Not Before date " + version.notBefore().orElseThrow()
                + " has arrived. Supported: " + SpecVersions.supportedList(served()) + ".");
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
    }

    @ParameterizedTest(name = "{0}: the client gets ScpBadRequestException RETIRED_API_VERSION")
    @MethodSource("retired")
    void theClientDecodesTheRefusal(ScpServiceVersion version) {
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(ReferenceServer.DEMO).clock(ReferenceClocks.TODAY).serviceVersion(version).build();

        ScpBadRequestException e = catchThrowableOfType(ScpBadRequestException.class,
                () -> client.showImage(SEED_IMAGE_ID));

        assertThat(e).isInstanceOf(FeignException.BadRequest.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("RETIRED_API_VERSION");
        assertThat(e.problemCode()).contains(ScpProblemCode.RETIRED_API_VERSION);
        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.getCode()).isEqualTo("RETIRED_API_VERSION"));
    }

    @ParameterizedTest(name = "{0} is still served")
    @MethodSource("served")
    void activeVersionsAreServed(ScpServiceVersion version) {
        HttpResponse<String> response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID),
                ReferenceServer.versionHeader(version), ReferenceClocks.TODAY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body())).isEqualTo(SpecVersions.expectedSeed(version));
        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly(version.headerValue());
    }
}
