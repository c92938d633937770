package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.spec.ScpProblemCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator answers every error as a problem, also outside the spec's operations (where the
 * stub leaves errors to the application): its error page turns them into problems too.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
class EmulatorErrorPagesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private JsonNode problem(HttpRequest.Builder request, ScpProblemCode code) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(code.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo(code.code());
        return body;
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void anUnknownPathIsANotFoundProblem() throws Exception {
        assertThat(problem(to("/no/such/path"), ScpProblemCode.NOT_FOUND).get("instance").asString())
                .isEqualTo("/no/such/path");
    }

    @Test
    void aWrongMethodOnTheSpecIsAMethodNotAllowedProblem() throws Exception {
        problem(to("/openapi.yaml").DELETE(), ScpProblemCode.METHOD_NOT_ALLOWED);
    }
}
