package io.github.scptoolkit.image.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpSchema;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Serves README.md's {@link MyImagesController} (and nothing else) on a random port and proves
 * what the README says about it: the stub negotiates the version, shapes the body per version (every
 * version of the spec gets exactly its own schema's fields from the one model), turns
 * {@code ImageNotFoundException} and bad versions into problems, and serves the versions document
 * ({@code GET /}) with no code from the implementer.
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

    static List<ScpServiceVersion> versions() {
        return ScpServiceVersion.all().stream().filter(ScpServiceVersion::isCallable)
                .filter(v -> ScpApi.SHOW_IMAGE.responseSchema(v).isPresent()).toList();
    }

    @ParameterizedTest(name = "{0}: 200, exactly the fields of its schema")
    @MethodSource("versions")
    void everyVersionIsServedInItsShape(ScpServiceVersion version) throws Exception {
        HttpResponse<String> response = get("70a599e0-31e7-49b7-b260-868f441e862b", version.headerValue());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo("imagename");
        ScpSchema schema = ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow();
        Set<String> sent = new HashSet<>();
        body.fieldNames().forEachRemaining(sent::add);
        assertThat(sent).as("fields of %s", schema.name()).isSubsetOf(schema.fieldNames())
                .containsAll(schema.fields().stream().filter(f -> f.required() || f.nullable()).map(ScpField::name).toList());
        assertThat(body.has("scp_gpu_driver")).isEqualTo(schema.field("scp_gpu_driver").isPresent());
    }

    @Test
    void theStubServesTheVersionsDocumentWithNoCodeAndNoSignature() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + ScpApi.LIST_VERSIONS.path())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).path("versions").forEach(v -> ids.add(v.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(ScpServiceVersion.all().stream().map(ScpServiceVersion::id).toList());
    }

    @Test
    void anUnknownImageIsA404Problem() throws Exception {
        HttpResponse<String> response = get("00000000-0000-0000-0000-000000000000", ScpServiceVersion.getLatest().headerValue());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("IMAGE_NOT_FOUND");
    }

    @InvalidRequests
    @Test
    void anUnsupportedVersionIsA400Problem() throws Exception {
        HttpResponse<String> response = get("70a599e0-31e7-49b7-b260-868f441e862b", ScpApi.SERVICE + " 9.9");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("UNSUPPORTED_API_VERSION");
    }

    /** A GET signed with the key pair configured above. */
    private HttpResponse<String> get(String imageId, String version) throws IOException, InterruptedException {
        String url = "http://127.0.0.1:" + port + ScpApi.SHOW_IMAGE.path().replace("{image_id}", imageId);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header(ScpApi.VERSION_HEADER, version);
        SIGNER.headers("GET", url, System.currentTimeMillis()).forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
