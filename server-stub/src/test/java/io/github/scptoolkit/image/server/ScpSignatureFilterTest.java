package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The filter on servlet requests: what passes, and the 401 problem it writes itself. */
class ScpSignatureFilterTest {

    static final long NOW = ScpSignatureVerifierTest.NOW;
    static final String URL = ScpSignatureVerifierTest.URL;

    /** The hosts of the test URL and of the signature vectors. */
    static final ScpServedHosts HOSTS = ScpServedHosts.of(
            "127.0.0.1:8080, localhost:18080, virtualserver.kr-west1.e.samsungsdscloud.com, localhost", null);

    static ScpSignatureFilter filter(ScpCredentialStore store, long now) {
        return filter(store, now, HOSTS);
    }

    static ScpSignatureFilter filter(ScpCredentialStore store, long now, ScpServedHosts hosts) {
        return new ScpSignatureFilter(new ScpSignatureVerifier(store,
                Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC), Duration.ofMinutes(5)), hosts);
    }

    static MockHttpServletRequest signedRequest(String accessKeyHeader, String accessKey, String secret, long ts)
            throws Exception {
        MockHttpServletRequest request = SignatureVectors.requestFor("GET", URL);
        request.addHeader(accessKeyHeader, accessKey);
        request.addHeader("scp-timestamp", String.valueOf(ts));
        request.addHeader("SCP-CLIENTTYPE", "Openapi");
        request.addHeader("Scp-Signature",
                ScpSignatureVerifierTest.sign(secret, "GET" + URL + ts + accessKey + "Openapi"));
        return request;
    }

    static MockHttpServletResponse run(ScpSignatureFilter filter, MockHttpServletRequest request, MockFilterChain chain)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    static List<SignatureVectors> vectors() {
        return SignatureVectors.all().stream().filter(SignatureVectors::accountIdInSpecSyntax).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorRequestsPassWithTheUrlRebuiltFromTheServletRequest(SignatureVectors v) throws Exception {
        MockHttpServletRequest request = v.request();
        assertThat(ScpSignatureFilter.signedUrl(request)).isEqualTo(v.url());
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = run(filter(InMemoryScpCredentialStore.of(v.credential()),
                Long.parseLong(v.timestamp())), request, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(ScpCaller.from(request)).hasValueSatisfying(c -> assertThat(c.accessKey()).isEqualTo(v.accessKey()));
        assertThat(request.getAttribute(ScpCaller.ACCESS_KEY_ATTRIBUTE)).isEqualTo(v.accessKey());
        assertThat(request.getAttribute(ScpCaller.ACCOUNT_ID_ATTRIBUTE))
                .isEqualTo(v.accountId().isEmpty() ? null : v.accountId());
    }

    @ParameterizedTest(name = "access key header spelled {0}")
    @ValueSource(strings = {"Scp-Accesskey", "Scp-AccessKey", "SCP-ACCESSKEY", "scp-accesskey"})
    void headerNamesAreCaseInsensitive(String spelling) throws Exception {
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = run(filter(ScpSignatureVerifierTest.STORE, NOW),
                signedRequest(spelling, "AK1", "secret-key-1", NOW), chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void refusalIsA401ProblemWrittenByTheFilter() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = SignatureVectors.requestFor("GET", URL);

        MockHttpServletResponse response = run(filter(ScpSignatureVerifierTest.STORE, NOW), request, chain);

        assertThat(chain.getRequest()).as("the request went no further").isNull();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("SCP-HMAC-SHA256 realm=\"virtualserver\"");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = JsonMapper.shared().readTree(response.getContentAsByteArray());
        assertThat(body.propertyNames()).containsExactly("type", "title", "status", "detail", "instance", "code", "errors");
        assertThat(body.get("type").asString()).isEqualTo("https://scp-toolkit.dev/problems/missing-auth-headers");
        assertThat(body.get("title").asString()).isEqualTo("Missing authentication headers");
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("instance").asString()).isEqualTo("/v1/images/70a599e0-31e7-49b7-b260-868f441e862b");
        assertThat(body.get("code").asString()).isEqualTo("MISSING_AUTH_HEADERS");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("MISSING_AUTH_HEADERS");
        assertThat(body.get("errors").get(0).get("status").asString()).isEqualTo("401");
        assertThat(ScpCaller.from(request)).isEmpty();
    }

    @Test
    void eachReasonHasItsOwnCode() throws Exception {
        ScpSignatureFilter filter = filter(ScpSignatureVerifierTest.STORE, NOW);
        MockHttpServletRequest malformed = signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW);
        malformed.removeHeader("Scp-Timestamp");
        malformed.addHeader("Scp-Timestamp", "yesterday");

        assertThat(code(run(filter, malformed, new MockFilterChain()))).isEqualTo("MALFORMED_TIMESTAMP");
        assertThat(code(run(filter, signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW - 300_001),
                new MockFilterChain()))).isEqualTo("TIMESTAMP_OUT_OF_WINDOW");
        assertThat(code(run(filter, signedRequest("Scp-Accesskey", "AK1", "wrong", NOW), new MockFilterChain())))
                .isEqualTo("INVALID_SIGNATURE");
        MockHttpServletRequest zeros = signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW);
        zeros.removeHeader("Scp-Timestamp");
        zeros.addHeader("Scp-Timestamp", "0" + NOW);
        assertThat(code(run(filter, zeros, new MockFilterChain()))).isEqualTo("MALFORMED_TIMESTAMP");
        MockHttpServletRequest clientType = signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW);
        clientType.removeHeader("Scp-ClientType");
        clientType.addHeader("Scp-ClientType", "OpenapiX");
        assertThat(code(run(filter, clientType, new MockFilterChain()))).isEqualTo("INVALID_CLIENT_TYPE");
        MockHttpServletRequest account = signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW);
        account.addHeader("Scp-AccountId", "proj1");
        assertThat(code(run(filter, account, new MockFilterChain()))).isEqualTo("INVALID_ACCOUNT_ID");
        MockHttpServletRequest twice = signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW);
        twice.addHeader("Scp-Signature", "AAAA");
        assertThat(code(run(filter, twice, new MockFilterChain()))).isEqualTo("REPEATED_AUTH_HEADERS");
    }

    @Test
    void anEmptyAccountIdHeaderIsAccepted() throws Exception {
        MockHttpServletRequest request = signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW);
        request.addHeader("Scp-AccountId", "");
        MockFilterChain chain = new MockFilterChain();

        assertThat(run(filter(ScpSignatureVerifierTest.STORE, NOW), request, chain).getStatus()).isEqualTo(200);
        assertThat(ScpCaller.from(request)).hasValueSatisfying(c -> assertThat(c.accountId()).isEmpty());
    }

    @Test
    void aCorrectlySignedRequestForAnotherHostIsRefused() throws Exception {
        String other = "http://virtualserver.example.com:8080/v1/images/70a599e0-31e7-49b7-b260-868f441e862b";
        MockHttpServletRequest request = SignatureVectors.requestFor("GET", other);
        request.addHeader("Scp-Accesskey", "AK1");
        request.addHeader("Scp-Timestamp", String.valueOf(NOW));
        request.addHeader("Scp-ClientType", "Openapi");
        request.addHeader("Scp-Signature", ScpSignatureVerifierTest.sign("secret-key-1", "GET" + other + NOW + "AK1Openapi"));
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = run(filter(ScpSignatureVerifierTest.STORE, NOW), request, chain);

        assertThat(code(response)).isEqualTo("HOST_NOT_SERVED");
        assertThat(chain.getRequest()).isNull();
        ScpServedHosts withIt = ScpServedHosts.of("virtualserver.example.com:8080", null);
        assertThat(run(filter(ScpSignatureVerifierTest.STORE, NOW, withIt), request, new MockFilterChain()).getStatus())
                .isEqualTo(200);
    }

    @Test
    void byDefaultOnlyLoopbackNamesAtTheServersOwnPortAreServed() throws Exception {
        ScpSignatureFilter loopback = filter(ScpSignatureVerifierTest.STORE, NOW, ScpServedHosts.of(null, null));
        MockHttpServletRequest direct = signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW);
        MockHttpServletRequest portMapped = signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW);
        portMapped.setLocalPort(9090); // signed for :8080, arrived on :9090 (a port forward or proxy)

        assertThat(run(loopback, direct, new MockFilterChain()).getStatus()).isEqualTo(200);
        assertThat(code(run(loopback, portMapped, new MockFilterChain()))).isEqualTo("HOST_NOT_SERVED");
    }

    @Test
    void unknownKeyAndWrongSignatureLookTheSame() throws Exception {
        ScpSignatureFilter filter = filter(ScpSignatureVerifierTest.STORE, NOW);

        MockHttpServletResponse unknown = run(filter, signedRequest("Scp-Accesskey", "NOBODY", "x", NOW),
                new MockFilterChain());
        MockHttpServletResponse wrong = run(filter, signedRequest("Scp-Accesskey", "AK1", "wrong", NOW),
                new MockFilterChain());

        assertThat(unknown.getStatus()).isEqualTo(wrong.getStatus()).isEqualTo(401);
        assertThat(unknown.getContentAsString()).isEqualTo(wrong.getContentAsString());
        for (String name : wrong.getHeaderNames()) {
            assertThat(unknown.getHeaderValues(name)).as(name).isEqualTo(wrong.getHeaderValues(name));
        }
        assertThat(unknown.getHeaderNames()).containsExactlyInAnyOrderElementsOf(wrong.getHeaderNames());
    }

    @Test
    void badSignatureResponseRevealsNothingAboutTheExpectedSignature() throws Exception {
        MockHttpServletRequest request = signedRequest("Scp-Accesskey", "AK1", "secret-key-1", NOW);
        String expected = request.getHeader("Scp-Signature");
        request.removeHeader("Scp-Signature");
        request.addHeader("Scp-Signature", "AAAA" + expected.substring(4));

        MockHttpServletResponse response = run(filter(ScpSignatureVerifierTest.STORE, NOW), request, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(401);
        String everything = response.getContentAsString() + response.getHeaderNames().stream()
                .map(n -> n + ": " + response.getHeaderValues(n)).toList();
        assertThat(everything).doesNotContain(expected, expected.substring(4), "secret-key-1");
    }

    static MockHttpServletRequest unsigned(String contextPath, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath(contextPath);
        return request;
    }

    @ParameterizedTest(name = "{0} answers without a signature")
    @ValueSource(strings = {"/docs", "/docs/index.html", "/openapi.yaml", "/openapi.json", "/examples/show-image-1.3.json",
            "/webjars/swagger-ui/swagger-ui-bundle.js", "/actuator/health", "/actuator/health/liveness", "/favicon.ico"})
    void documentationAndHealthAreNotChecked(String path) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = unsigned("", path);

        MockHttpServletResponse response = run(filter(ScpSignatureVerifierTest.STORE, NOW), request, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).as("passed on").isSameAs(request);
        assertThat(ScpCaller.from(request)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is checked")
    @ValueSource(strings = {"/v1/images/70a599e0-31e7-49b7-b260-868f441e862b", "/v1/images/docs", "/", "/no/such/path",
            "/docsx", "/openapi.yaml.bak", "/actuator/env", "/actuator/healthz", "/docs/../v1/images/x",
            "/docs/%2E%2E/v1/images/x", "/webjars/./../v1/images/x"})
    void everythingElseIsChecked(String path) throws Exception {
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = run(filter(ScpSignatureVerifierTest.STORE, NOW), unsigned("", path), chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(chain.getRequest()).as("stopped").isNull();
    }

    @Test
    void exclusionsApplyWithinTheContextPath() throws Exception {
        ScpSignatureFilter filter = filter(ScpSignatureVerifierTest.STORE, NOW);

        assertThat(run(filter, unsigned("/app", "/app/docs/index.html"), new MockFilterChain()).getStatus()).isEqualTo(200);
        assertThat(run(filter, unsigned("/app", "/app/v1/images/x"), new MockFilterChain()).getStatus()).isEqualTo(401);
    }

    @Test
    void excludedPathsReplaceTheDefaultsAndNeverCoverTheApi() throws Exception {
        ScpSignatureVerifier verifier = new ScpSignatureVerifier(ScpSignatureVerifierTest.STORE,
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), Duration.ofMinutes(5));
        ScpSignatureFilter onlyStatus = new ScpSignatureFilter(verifier, HOSTS, List.of(" /status "));
        ScpSignatureFilter none = new ScpSignatureFilter(verifier, HOSTS, List.of());

        assertThat(run(onlyStatus, unsigned("", "/status"), new MockFilterChain()).getStatus()).isEqualTo(200);
        assertThat(run(onlyStatus, unsigned("", "/docs/index.html"), new MockFilterChain()).getStatus()).isEqualTo(401);
        assertThat(run(none, unsigned("", "/actuator/health"), new MockFilterChain()).getStatus()).isEqualTo(401);
        for (String tooWide : List.of("/**", "/v1/**", "/v1/images/*", "/{*rest}")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScpSignatureFilter(verifier, HOSTS, List.of(tooWide)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("must not cover the API");
        }
    }

    private static String code(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(401);
        return JsonMapper.shared().readTree(response.getContentAsByteArray()).get("code").asString();
    }
}
