package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import feign.FeignException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ImageVersion;
import io.github.scptoolkit.image.client.ScpBadRequestException;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * With the server's clock at 2026-11-27 and default settings, 1.0 and 1.1 are past their Not Before
 * dates: refused with a 400 RETIRED_API_VERSION problem that lists the supported versions, which
 * the client decodes to its typed exception; 1.2 and 1.3 are served.
 */
@SpringBootTest(classes = {ReferenceServerApplication.class, ReferenceClocks.Today.class},
        webEnvironment = WebEnvironment.RANDOM_PORT)
class RetiredVersionsRefusedIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} (Not Before {1}) is refused")
    @CsvSource({"1.0, 2025-12-31", "1.1, 2026-05-31"})
    void retiredVersionsAreRefusedWithAProblem(String version, String notBefore) {
        HttpResponse<String> response = ReferenceServer.signedGet(port, "/v1/images/" + SEED_IMAGE_ID,
                Map.of("Scp-Api-Version", "virtualserver " + version), ReferenceClocks.TODAY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = ReferenceServer.json(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("RETIRED_API_VERSION");
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("RETIRED_API_VERSION");
        assertThat(problem.get("detail").asText()).isEqualTo("Scp-Api-Version 'virtualserver " + version
                + "' is no longer supported: its Not Before date " + notBefore
                + " has arrived. Supported: virtualserver 1.3, virtualserver 1.2.");
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
    }

    @ParameterizedTest(name = "{0}: the client gets ScpBadRequestException RETIRED_API_VERSION")
    @CsvSource({"1.0", "1.1"})
    void theClientDecodesTheRefusal(String version) {
        ImageVersion<?> typed = version.equals("1.0") ? ImageVersion.V1_0 : ImageVersion.V1_1;
        ScpImageClient<?> client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(ReferenceServer.DEMO).clock(ReferenceClocks.TODAY).build(typed);

        ScpBadRequestException e = catchThrowableOfType(ScpBadRequestException.class,
                () -> client.showImage(SEED_IMAGE_ID));

        assertThat(e).isInstanceOf(FeignException.BadRequest.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("RETIRED_API_VERSION");
        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.getCode()).isEqualTo("RETIRED_API_VERSION"));
    }

    @ParameterizedTest(name = "{0} is still served")
    @CsvSource({"1.2", "1.3"})
    void activeVersionsAreServed(String version) {
        HttpResponse<String> response = ReferenceServer.signedGet(port, "/v1/images/" + SEED_IMAGE_ID,
                Map.of("Scp-Api-Version", "virtualserver " + version), ReferenceClocks.TODAY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body())).isEqualTo(ReferenceServer.seedExample(version));
        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly("virtualserver " + version);
    }
}
