package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.spec.ScpApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stub touches only the API it serves: in a host application with a controller of its own
 * ({@link StubTestApp.HostController}), on a real server with signature checks on, that
 * controller needs no version header (a bogus one is ignored), no signature, gets no version
 * headers, and its errors keep Spring Boot's own error body; meanwhile the spec's operations keep
 * their behaviour.
 */
@SpringBootTest(classes = StubTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "scp.auth.credentials[0].access-key=AK1", "scp.auth.credentials[0].secret-key=secret-key-1"})
class HostControllerScopeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    StubTestApp.SettableClock clock;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static boolean varies(HttpResponse<?> response) {
        return response.headers().allValues("Vary").stream().anyMatch(v -> v.contains(ScpApi.VERSION_HEADER));
    }

    static java.util.stream.Stream<String> headers() {
        return java.util.stream.Stream.of("", "bogus", TestSpec.UNKNOWN, "blockstorage " + TestSpec.current().getVersion(),
                TestSpec.current().headerValue());
    }

    @ParameterizedTest(name = "version header ''{0}''")
    @MethodSource("headers")
    void theHostsControllerAnswersWithoutVersionOrSignatureWhateverTheHeader(String header) throws Exception {
        HttpRequest.Builder request = get("/hello");
        if (!header.isEmpty()) {
            request.header(ScpApi.VERSION_HEADER, header);
        }

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"greeting\":\"hello\",\"nothing\":null}");
        assertThat(response.headers().firstValue(ScpApi.VERSION_HEADER)).isEmpty();
        assertThat(varies(response)).isFalse();
        assertThat(response.headers().firstValue("Deprecation")).isEmpty();
    }

    /** Spring Boot's own error body: timestamp, status, error, path; not a problem. */
    private static void assertBootsErrorBody(HttpResponse<String> response, int status, String path) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("path").asString()).isEqualTo(path);
        assertThat(body.has("error")).isTrue();
        assertThat(body.has("code")).as("no SCP problem code").isFalse();
        assertThat(body.has("errors")).isFalse();
        assertThat(varies(response)).isFalse();
    }

    @Test
    void theHostsFailuresKeepSpringBootsErrorFormat() throws Exception {
        assertBootsErrorBody(send(get("/hello/fail").header(ScpApi.VERSION_HEADER, "bogus")), 500, "/hello/fail");
        assertBootsErrorBody(send(get("/hello/conflict")), 409, "/hello/conflict");
        assertBootsErrorBody(send(get("/hello/json-only").POST(HttpRequest.BodyPublishers.ofString("x"))
                .header("Content-Type", "text/plain")), 415, "/hello/json-only");
        assertBootsErrorBody(send(get("/hello").DELETE()), 405, "/hello");
        assertBootsErrorBody(send(get("/no/such/path")), 404, "/no/such/path");
    }

    /** A request sent as raw bytes (what {@code java.net.http} refuses to send); the answer's head and body. */
    private String raw(String requestLine, String... headers) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost:").append(port).append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private static boolean isProblem(String answer) {
        return answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json");
    }

    private static String codeOf(String answer) {
        return JsonMapper.shared().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).get("code").asString();
    }

    @Test
    void tomcatsOwnErrorsOnTheApisPathsAreProblems() throws Exception {
        String badEncoding = raw("GET " + ScpApi.SHOW_IMAGE.path().replace("{image_id}", "%zz") + " HTTP/1.1");
        assertThat(statusOf(badEncoding)).isEqualTo(400);
        assertThat(isProblem(badEncoding)).as(badEncoding).isTrue();
        assertThat(codeOf(badEncoding)).isEqualTo("INVALID_REQUEST");

        String trace = raw("TRACE " + TestSpec.image(StubTestApp.KNOWN_ID) + " HTTP/1.1");
        assertThat(statusOf(trace)).isEqualTo(405);
        assertThat(isProblem(trace)).as(trace).isTrue();
        assertThat(codeOf(trace)).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(trace).containsIgnoringCase("Allow: GET");

        String hugeHeader = raw("GET " + TestSpec.image(StubTestApp.KNOWN_ID) + " HTTP/1.1", "X-Big: " + "x".repeat(20_000));
        assertThat(statusOf(hugeHeader)).isBetween(400, 431);
        assertThat(isProblem(hugeHeader)).as(hugeHeader).isTrue();
    }

    @Test
    void aRequestWhosePathCannotBeReadIsAProblem() throws Exception {
        String answer = raw("GET /v1/images/x HTTP/1.1 trailing");
        assertThat(statusOf(answer)).isEqualTo(400);
        assertThat(isProblem(answer)).as(answer).isTrue();
    }

    @Test
    void tomcatsOwnErrorsOnTheHostsPathsKeepTheDefaults() throws Exception {
        String badEncoding = raw("GET /hello/%zz HTTP/1.1");
        assertThat(statusOf(badEncoding)).isEqualTo(400);
        assertThat(isProblem(badEncoding)).as(badEncoding).isFalse();
        assertThat(badEncoding).doesNotContain("\"code\"").doesNotContain("Apache Tomcat/");

        String trace = raw("TRACE /hello HTTP/1.1");
        assertThat(statusOf(trace)).isEqualTo(405);
        assertThat(isProblem(trace)).as(trace).isFalse();

        String hugeHeader = raw("GET /hello HTTP/1.1", "X-Big: " + "x".repeat(20_000));
        assertThat(statusOf(hugeHeader)).isBetween(400, 431);
        assertThat(isProblem(hugeHeader)).as(hugeHeader).isFalse();
    }

    @Test
    void aFailureOutsideSpringMvcIsAProblemOnTheApisPathsOnly() throws Exception {
        HttpResponse<String> api = send(get(TestSpec.image(StubTestApp.KNOWN_ID)).header(StubTestApp.FAIL_IN_FILTER, "1"));
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonMapper.shared().readTree(api.body()).get("code").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(api.body()).doesNotContain("the host's filter failed");

        assertBootsErrorBody(send(get("/hello").header(StubTestApp.FAIL_IN_FILTER, "1")), 500, "/hello");
    }

    @Test
    void theSpecsOperationsKeepTheirBehaviour() throws Exception {
        String path = TestSpec.image(StubTestApp.KNOWN_ID);
        HttpResponse<String> unsigned = send(get(path));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        long now = clock.millis();
        String url = "http://localhost:" + port + path;
        HttpResponse<String> signed = send(get(path)
                .header("Scp-Accesskey", "AK1").header("Scp-Timestamp", String.valueOf(now))
                .header("Scp-ClientType", "Openapi")
                .header("Scp-Signature", ScpSignatureVerifierTest.sign("secret-key-1", "GET" + url + now + "AK1" + "Openapi")));
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.headers().firstValue(ScpApi.VERSION_HEADER)).hasValue(TestSpec.current().headerValue());
        assertThat(varies(signed)).isTrue();

        HttpResponse<String> versions = send(get(ScpApi.LIST_VERSIONS.path()));
        assertThat(versions.statusCode()).as("the versions document is unsigned").isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(versions.body()).get("versions").get(0).get("links").get(0)
                .get("href").asString()).isEqualTo("http://localhost:" + port + "/");
    }
}
