package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * The answers that were not problems (issue 18): an unknown path under {@code /actuator/health}
 * (no operation of the spec, so never signature-checked) was an empty 404, and a Range on the spec
 * a 416 carrying the whole file. Every error is now an
 * {@code application/problem+json} body with its status and a code; documentation is its normal
 * content; the {@code /docs} redirect never repeats the request's {@code Host}.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@InvalidRequests // unsigned, odd Range and Host headers on purpose
class EveryAnswerIsAProblemIT {

    /** Far more ranges than any server serves, each one byte. */
    static final String MANY_RANGES = "bytes=" + String.join(",",
            java.util.stream.IntStream.range(0, 200).mapToObj(i -> i + "-" + i).toList());

    @LocalServerPort
    int port;

    private RawHttp.Response get(String target, String... headers) {
        RawHttp.Request request = new RawHttp.Request("GET", target);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return RawHttp.send(port, request);
    }

    private static JsonNode problem(RawHttp.Response response, int status, ScpProblemCode code) {
        assertThat(code.status()).isEqualTo(status);
        assertThat(response.status()).as(RawHttp.abbreviate(response.body())).isEqualTo(status);
        assertThat(response.first("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = ReferenceServer.json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code.code());
        assertThat(problem.get("title").asText()).isEqualTo(code.title());
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo(code.code());
        return problem;
    }

    private static String spec() throws IOException {
        try (InputStream in = EveryAnswerIsAProblemIT.class.getResourceAsStream(ScpApi.SPEC_YAML)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health/x", "/actuator/health/x/y", "/actuator/health/liveness/x"})
    void anUnknownPathOutsideTheSpecsOperationsIsA404Problem(String path) {
        JsonNode problem = problem(get(path), 404, ScpProblemCode.NOT_FOUND);

        assertThat(problem.get("instance").asText()).isEqualTo(path);
    }

    @ParameterizedTest(name = "Range: {0}")
    @ValueSource(strings = {"bytes=0-9", "bytes=0-0,5-5,10-10", "bytes=999999999-", "bytes=abc", "many"})
    void theSpecIsAlwaysServedWhole(String range) throws IOException {
        RawHttp.Response response = get("/openapi.yaml", "Range", range.equals("many") ? MANY_RANGES : range);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.first("Content-Type")).startsWith("application/yaml");
        assertThat(response.first("Content-Range")).isNull();
        assertThat(response.body()).isEqualTo(spec());
    }

    @Test
    void aRangeOnAPathWithoutAResourceIsStillA404Problem() {
        problem(get("/openapi.json", "Range", MANY_RANGES), 404, ScpProblemCode.NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}, Range: {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "/docs/index.html | many", "/docs/index.html | bytes=999999999-", "/docs/init.js | bytes=abc",
            "/examples/show-image-1.3.json | many", "/webjars/swagger-ui/swagger-ui.css | bytes=999999999-"})
    void aRangeADocumentCannotSatisfyIsA416Problem(String path, String range) {
        String document = get(path).body();
        RawHttp.Response response = get(path, "Range", range.equals("many") ? MANY_RANGES : range);

        problem(response, 416, ScpProblemCode.RANGE_NOT_SATISFIABLE);
        assertThat(response.body()).as("no part of the document").doesNotContain(document.substring(0, 64))
                .startsWith("{").endsWith("}");
    }

    @Test
    void aSatisfiableRangeOnADocumentIsItsNormalContent() {
        RawHttp.Response whole = get("/docs/index.html");
        RawHttp.Response part = get("/docs/index.html", "Range", "bytes=0-9");

        assertThat(whole.status()).isEqualTo(200);
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(whole.body().substring(0, 10));
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"evil.example", "evil.example:8080", "127.0.0.1"})
    void theDocsRedirectIsRelativeWhateverTheHost(String host) {
        RawHttp.Request request = new RawHttp.Request("GET", "/docs");
        request.host = host;
        request.header("X-Forwarded-Host", "evil.example");

        RawHttp.Response response = RawHttp.send(port, request);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.first("Location")).isEqualTo("/docs/index.html");
    }
}
