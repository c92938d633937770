package com.example.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpSchema;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This application as its users meet it: started with its own application.properties (README's
 * block), on a real Tomcat on a random port. It verifies signatures, serves every version the spec
 * serves today in that version's shape, answers Tomcat-level errors on the API's paths as problems,
 * and leaves {@link HelloController} to Spring Boot's defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImagesServerApplicationTests {

    static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    static Iterable<ScpServiceVersion> versions() {
        return ScpServiceVersion.all();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String imagePath(String id) {
        return ScpApi.SHOW_IMAGE.path().replace("{image_id}", id);
    }

    /** The SCP signature, computed as the vendor's SDK does, with README's key pair. */
    private static HttpRequest.Builder signed(String url, String secretKey) throws Exception {
        String timestamp = String.valueOf(System.currentTimeMillis());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(
                ("GET" + url + timestamp + "my-access-key" + "Openapi").getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("Scp-Accesskey", "my-access-key")
                .header("Scp-Timestamp", timestamp).header("Scp-ClientType", "Openapi").header("Scp-Signature", signature);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void everyVersionIsServedInItsOwnShapeOrRefusedAsTheSpecSays(ScpServiceVersion version) throws Exception {
        HttpResponse<String> response = send(signed(url(imagePath(ID)), "my-secret-key")
                .header(ScpApi.VERSION_HEADER, version.headerValue()));

        boolean retired = version.isRetiredOn(LocalDate.now(ScpApi.NOT_BEFORE_ZONE));
        if (!version.isCallable() || retired) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("code").asString())
                    .isEqualTo(retired ? "RETIRED_API_VERSION" : "UNSUPPORTED_API_VERSION");
            return;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(ScpApi.VERSION_HEADER)).hasValue(version.headerValue());
        ScpSchema schema = ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow();
        Set<String> sent = new HashSet<>(json(response).propertyNames());
        assertThat(sent).isSubsetOf(schema.fieldNames()).containsAll(
                schema.fields().stream().filter(f -> f.required() || f.nullable()).map(ScpField::name).toList());
    }

    @Test
    void withoutAVersionHeaderTheCurrentVersionAnswers() throws Exception {
        HttpResponse<String> response = send(signed(url(imagePath(ID)), "my-secret-key"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(ScpApi.VERSION_HEADER))
                .hasValue(ScpServiceVersion.getLatest().headerValue());
    }

    @Test
    void signaturesAreVerified() throws Exception {
        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(URI.create(url(imagePath(ID)))));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(unsigned).get("code").asString()).isEqualTo("MISSING_AUTH_HEADERS");

        HttpResponse<String> wrongSecret = send(signed(url(imagePath(ID)), "not-my-secret-key"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret).get("code").asString()).isEqualTo("INVALID_SIGNATURE");

        HttpResponse<String> unknownImage = send(signed(url(imagePath("no-such-image")), "my-secret-key"));
        assertThat(unknownImage.statusCode()).isEqualTo(404);
        assertThat(json(unknownImage).get("code").asString()).isEqualTo("IMAGE_NOT_FOUND");
    }

    @Test
    void theVersionsDocumentNeedsNoCodeAndNoSignature() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(ScpApi.LIST_VERSIONS.path()))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("versions").size()).isEqualTo(ScpServiceVersion.all().size());
    }

    /** Raw bytes on a socket: what an HTTP client library refuses to send. */
    private String raw(String requestLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void tomcatLevelErrorsOnTheApiAreProblems() throws Exception {
        String badEncoding = raw("GET " + imagePath("%zz") + " HTTP/1.1");
        assertThat(badEncoding).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"INVALID_REQUEST\"");

        String trace = raw("TRACE " + imagePath(ID) + " HTTP/1.1");
        assertThat(trace).startsWith("HTTP/1.1 405").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"code\":\"METHOD_NOT_ALLOWED\"");
    }

    @Test
    void theApplicationsOtherControllersKeepSpringBootsDefaults() throws Exception {
        HttpResponse<String> hello = send(HttpRequest.newBuilder(URI.create(url("/hello")))
                .header(ScpApi.VERSION_HEADER, "bogus"));
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("{\"greeting\":\"hello\"}");
        assertThat(hello.headers().firstValue(ScpApi.VERSION_HEADER)).isEmpty();

        for (String path : new String[] {"/hello/conflict", "/no/such/page"}) {
            HttpResponse<String> error = send(HttpRequest.newBuilder(URI.create(url(path))));
            assertThat(error.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(json(error).get("path").asString()).isEqualTo(path);
            assertThat(json(error).has("code")).as("not an SCP problem").isFalse();
        }

        String badEncoding = raw("GET /hello/%zz HTTP/1.1");
        assertThat(badEncoding).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("application/problem+json");
    }
}
