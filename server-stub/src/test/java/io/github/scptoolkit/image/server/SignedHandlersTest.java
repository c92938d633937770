package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * A host controller marked {@link ScpSigned} (no operation of the spec, e.g. the emulator's
 * endpoint catalog) is checked like the spec's signed operations, on a real server: unsigned or
 * badly signed requests get the same 401 problem, a signed one reaches it with its
 * {@link ScpCaller}; its unmarked siblings and the host's other controllers stay unsigned.
 */
@SpringBootTest(classes = {StubTestApp.class, SignedHandlersTest.Extra.class, SignedHandlersTest.Marked.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "scp.auth.credentials[0].access-key=AK1", "scp.auth.credentials[0].secret-key=secret-key-1"})
class SignedHandlersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One method marked, one not. */
    @RestController
    static class Extra {
        @ScpSigned
        @GetMapping("/extra/signed")
        Map<String, String> signed() {
            return Map.of("caller", ScpCaller.current().map(ScpCaller::accessKey).orElse("nobody"));
        }

        @GetMapping("/extra/open")
        Map<String, String> open() {
            return Map.of("caller", ScpCaller.current().map(ScpCaller::accessKey).orElse("nobody"));
        }
    }

    /** Every method marked, through the class. */
    @RestController
    @ScpSigned
    static class Marked {
        @GetMapping("/marked/{name}")
        Map<String, String> marked() {
            return Map.of("caller", ScpCaller.current().map(ScpCaller::accessKey).orElse("nobody"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StubTestApp.SettableClock clock;

    private HttpResponse<String> get(String path, boolean signed, String secret) throws Exception {
        String url = "http://localhost:" + port + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (signed) {
            long now = clock.millis();
            request.header("Scp-Accesskey", "AK1").header("Scp-Timestamp", String.valueOf(now))
                    .header("Scp-ClientType", "Openapi")
                    .header("Scp-Signature", ScpSignatureVerifierTest.sign(secret, "GET" + url + now + "AK1" + "Openapi"));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnsignedOrBadlySignedRequestToAMarkedHandlerIsRefusedLikeAnOperation() throws Exception {
        for (HttpResponse<String> refused : new HttpResponse[] {get("/extra/signed", false, null),
            get("/extra/signed", true, "wrong"), get("/marked/x", false, null)}) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue(ScpSignatureFilter.WWW_AUTHENTICATE);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(get("/extra/signed", false, null).body()).contains(ScpProblemCode.MISSING_AUTH_HEADERS.code());
        assertThat(get("/extra/signed", true, "wrong").body()).contains(ScpProblemCode.INVALID_SIGNATURE.code());
    }

    @Test
    void aSignedRequestReachesTheMarkedHandlerWithItsCaller() throws Exception {
        assertThat(get("/extra/signed", true, "secret-key-1").body()).isEqualTo("{\"caller\":\"AK1\"}");
        assertThat(get("/marked/y", true, "secret-key-1").body()).isEqualTo("{\"caller\":\"AK1\"}");
    }

    @Test
    void unmarkedHandlersStayUnsigned() throws Exception {
        HttpResponse<String> open = get("/extra/open", false, null);

        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).isEqualTo("{\"caller\":\"nobody\"}");
        assertThat(get("/hello", false, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theGuardRefusesAMarkedHandlerTheFilterDidNotCheck() throws Exception {
        ScpSignatureGuard guard = new ScpSignatureGuard(ScpOperations.SPEC);
        org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/extra/signed");
        org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();

        boolean handled = guard.preHandle(request, response,
                new org.springframework.web.method.HandlerMethod(new Extra(), Extra.class.getDeclaredMethod("signed")));

        assertThat(handled).isFalse();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(guard.preHandle(request, new org.springframework.mock.web.MockHttpServletResponse(),
                new org.springframework.web.method.HandlerMethod(new Extra(), Extra.class.getDeclaredMethod("open")))).isTrue();
    }
}
