package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The emulator serves its own description from the jars, without signatures (the stub checks
 * signatures on the spec's signed operations only): spec, the examples its {@code externalValue}s
 * name, rendered reference, health, the versions document. The signed API itself stays signed.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EmulatorDocsIT {

    @LocalServerPort
    int port;

    @Test
    void specIsServedExactlyAsPackaged() throws Exception {
        var response = ReferenceServer.get(port, "/openapi.yaml", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
        try (InputStream in = getClass().getResourceAsStream("/openapi/virtualserver-show-image.yaml")) {
            assertThat(response.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void examplesAreServedBesideTheSpecForItsExternalValues() throws Exception {
        JsonNode spec;
        try (InputStream in = getClass().getResourceAsStream(ScpApi.SPEC_YAML)) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> externalValues = new ArrayList<>();
        spec.path("components").path("examples").forEach(e -> {
            if (e.has("externalValue")) {
                externalValues.add(e.get("externalValue").asText());
            }
        });

        assertThat(externalValues).isNotEmpty();
        for (String file : externalValues) {
            var response = ReferenceServer.get(port, "/" + file, Map.of());
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            try (InputStream in = getClass().getResourceAsStream("/openapi/" + file)) {
                assertThat(ReferenceServer.json(response.body())).as(file).isEqualTo(ReferenceServer.JSON.readTree(in));
            }
        }
    }

    @Test
    void docsPageLoadsSwaggerUiAndTheConsoleFromTheJarAndTheConsoleSpec() {
        var redirect = ReferenceServer.get(port, "/docs", Map.of());
        var page = ReferenceServer.get(port, "/docs/index.html", Map.of());
        var init = ReferenceServer.get(port, "/docs/init.js", Map.of());
        var signing = ReferenceServer.get(port, "/docs/scp-signing.js", Map.of());
        var consoleCss = ReferenceServer.get(port, "/docs/console.css", Map.of());
        var bundle = ReferenceServer.get(port, "/webjars/swagger-ui/swagger-ui-bundle.js", Map.of());
        var css = ReferenceServer.get(port, "/webjars/swagger-ui/swagger-ui.css", Map.of());
        var consoleSpec = ReferenceServer.get(port, "/openapi-console.json", Map.of());

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("location")).hasValueSatisfying(v -> assertThat(v).endsWith("/docs/index.html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/webjars/swagger-ui/swagger-ui-bundle.js", "/docs/scp-signing.js", "/docs/init.js")
                .doesNotContain("https://", "http://");
        assertThat(init.body()).contains("url: SPEC").contains("'/openapi-console.json'").contains("validatorUrl: null");
        assertThat(signing.statusCode()).isEqualTo(200);
        assertThat(signing.body()).contains("crypto.subtle");
        assertThat(consoleCss.statusCode()).isEqualTo(200);
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(consoleSpec.statusCode()).isEqualTo(200);
        assertThat(consoleSpec.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    }

    @InvalidRequests // unsigned on purpose

    @Test
    void theApiStillNeedsASignature() {
        var unsigned = ReferenceServer.get(port, ReferenceServer.imagePath(ReferenceServer.SEED_IMAGE_ID), Map.of());
        var dotted = ReferenceServer.get(port, "/docs/.." + ReferenceServer.imagePath(ReferenceServer.SEED_IMAGE_ID), Map.of());
        var otherActuator = ReferenceServer.get(port, "/actuator/env", Map.of());

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(dotted.statusCode()).isNotEqualTo(200);
        assertThat(dotted.body()).doesNotContain("imagename");
        // Not part of the API, so not signed; not exposed either (management.endpoints.web.exposure.include=health).
        assertThat(otherActuator.statusCode()).isEqualTo(404);
        assertThat(otherActuator.body()).doesNotContain("propertySources");
    }

    @Test
    void theVersionsDocumentNeedsNoSignature() {
        var response = ReferenceServer.get(port, ScpApi.LIST_VERSIONS.path(), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body()).path("versions").size()).isEqualTo(ScpServiceVersion.all().size());
    }

    @Test
    void healthAnswers() {
        var response = ReferenceServer.get(port, "/actuator/health", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body()).get("status").asText()).isEqualTo("UP");
    }
}
