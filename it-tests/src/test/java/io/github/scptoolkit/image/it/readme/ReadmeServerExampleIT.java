package io.github.scptoolkit.image.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.it.contract.InvalidRequests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Serves README.md's {@link MyImagesController} (and nothing else) on a random port and proves
 * what the README says about it: the stub negotiates the version, shapes the body per version and
 * turns {@code ImageNotFoundException} and bad versions into problems.
 */
@SpringBootTest(classes = {ReadmeServerExampleIT.App.class, MyImagesController.class},
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"scp.auth.credentials[0].access-key=my-access-key",
                "scp.auth.credentials[0].secret-key=my-secret-key", "scp.versions.serve-retired=true"})
class ReadmeServerExampleIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScpSigner SIGNER = new ScpSigner(ScpCredentials.of("my-access-key", "my-secret-key"));

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}: 200, scp_gpu_driver present = {1}")
    @CsvSource({"virtualserver 1.0, false", "virtualserver 1.1, false", "virtualserver 1.2, true",
            "virtualserver 1.3, true"})
    void everyVersionIsServedInItsShape(String version, boolean hasGpuDriver) throws Exception {
        HttpResponse<String> response = get("70a599e0-31e7-49b7-b260-868f441e862b", version);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo("imagename");
        assertThat(body.has("scp_gpu_driver")).isEqualTo(hasGpuDriver);
    }

    @Test
    void anUnknownImageIsA404Problem() throws Exception {
        HttpResponse<String> response = get("00000000-0000-0000-0000-000000000000", "virtualserver 1.3");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("IMAGE_NOT_FOUND");
    }

    @InvalidRequests
    @Test
    void anUnsupportedVersionIsA400Problem() throws Exception {
        HttpResponse<String> response = get("70a599e0-31e7-49b7-b260-868f441e862b", "virtualserver 9.9");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("UNSUPPORTED_API_VERSION");
    }

    /** A GET signed with the key pair configured above. */
    private HttpResponse<String> get(String imageId, String version) throws IOException, InterruptedException {
        String url = "http://127.0.0.1:" + port + "/v1/images/" + imageId;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Scp-Api-Version", version);
        SIGNER.headers("GET", url, System.currentTimeMillis()).forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
