package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The filter on servlet requests: what passes, and the 401 problem it writes itself. */
class ScpSignatureFilterTest {

    static final long NOW = ScpSignatureVerifierTest.NOW;
    static final String URL = ScpSignatureVerifierTest.URL;

    /** The hosts of the test URL and of the signature vectors. */
    static final ScpServedHosts HOSTS = ScpServedHosts.fromCommaSeparated(
            "127.0.0.1:8080, localhost:18080, virtualserver.kr-west1.e.samsungsdscloud.com, localhost", null);

    static ScpSignatureFilter filter(ScpCredentialStore store, long now) {
        return filter(store, now, HOSTS);
    }

    static ScpSignatureFilter filter(ScpCredentialStore store, long now, ScpServedHosts hosts) {
        return new ScpSignatureFilter(verifier(store, now), hosts);
    }

    static ScpSignatureVerifier verifier(ScpCredentialStore store, long now) {
        return new ScpSignatureVerifier(store, Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC),
                Duration.ofMinutes(5));
    }

    /** A signed operation on every path: for the vendor's vectors, whose paths are not all the spec's. */
    static final ScpOperations EVERY_PATH_SIGNED = new ScpOperations(List.of(new ScpOperation("any", "GET",
            "/{*path}", true, false, null, null, List.of(), Map.of(), null)));

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

        MockHttpServletResponse response = run(new ScpSignatureFilter(verifier(InMemoryScpCredentialStore.of(
                v.credential()), Long.parseLong(v.timestamp())), HOSTS, EVERY_PATH_SIGNED), request, chain);

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
        assertThat(body.get("instance").asString()).isEqualTo(java.net.URI.create(URL).getPath());
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
        String other = "http://virtualserver.example.com:8080" + TestSpec.image("70a599e0-31e7-49b7-b260-868f441e862b");
        MockHttpServletRequest request = SignatureVectors.requestFor("GET", other);
        request.addHeader("Scp-Accesskey", "AK1");
        request.addHeader("Scp-Timestamp", String.valueOf(NOW));
        request.addHeader("Scp-ClientType", "Openapi");
        request.addHeader("Scp-Signature", ScpSignatureVerifierTest.sign("secret-key-1", "GET" + other + NOW + "AK1Openapi"));
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = run(filter(ScpSignatureVerifierTest.STORE, NOW), request, chain);

        assertThat(code(response)).isEqualTo("HOST_NOT_SERVED");
        assertThat(chain.getRequest()).isNull();
        ScpServedHosts withIt = ScpServedHosts.fromCommaSeparated("virtualserver.example.com:8080", null);
        assertThat(run(filter(ScpSignatureVerifierTest.STORE, NOW, withIt), request, new MockFilterChain()).getStatus())
                .isEqualTo(200);
    }

    @Test
    void byDefaultOnlyLoopbackNamesAtTheServersOwnPortAreServed() throws Exception {
        ScpSignatureFilter loopback = filter(ScpSignatureVerifierTest.STORE, NOW, ScpServedHosts.fromCommaSeparated(null, null));
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

    static Stream<String> unsignedPaths() {
        Stream<String> ops = ScpApi.operations().stream().filter(op -> !op.signed())
                .map(op -> ScpOperations.example(op).value());
        return Stream.concat(ops, Stream.of("/docs", "/docs/index.html", "/openapi.yaml", "/actuator/health",
                "/hello", "/no/such/path", "/favicon.ico", "/docs/../hello"));
    }

    @ParameterizedTest(name = "{0} answers without a signature")
    @MethodSource("unsignedPaths")
    void onlyTheSpecsSignedOperationsAreChecked(String path) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = unsigned("", path);

        MockHttpServletResponse response = run(filter(ScpSignatureVerifierTest.STORE, NOW), request, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).as("passed on").isSameAs(request);
        assertThat(ScpCaller.from(request)).isEmpty();
    }

    static Stream<String> signedPaths() {
        List<String> paths = new java.util.ArrayList<>();
        for (ScpOperation op : ScpApi.operations()) {
            if (op.signed()) {
                String path = ScpOperations.example(op).value();
                paths.add(path);
                paths.add("/docs/.." + path);                   // resolves to the operation's path
                paths.add("/docs/%2E%2E" + path);
                paths.add("/webjars/./.." + path);
                paths.add(path + ";jsessionid=1");              // matrix parameters are not part of the match
            }
        }
        return paths.stream();
    }

    @ParameterizedTest(name = "{0} is checked")
    @MethodSource("signedPaths")
    void signedOperationsAreCheckedWhateverTheSpelling(String path) throws Exception {
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = run(filter(ScpSignatureVerifierTest.STORE, NOW), unsigned("", path), chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(chain.getRequest()).as("stopped").isNull();
    }

    @Test
    void everyMethodOnASignedPathIsChecked() throws Exception {
        for (String method : List.of("GET", "HEAD", "POST", "DELETE", "OPTIONS")) {
            MockHttpServletRequest request = new MockHttpServletRequest(method, TestSpec.image("x"));

            assertThat(run(filter(ScpSignatureVerifierTest.STORE, NOW), request, new MockFilterChain()).getStatus())
                    .as(method).isEqualTo(401);
        }
    }

    @Test
    void pathsAreMatchedWithinTheContextPath() throws Exception {
        ScpSignatureFilter filter = filter(ScpSignatureVerifierTest.STORE, NOW);

        assertThat(run(filter, unsigned("/app", "/app/docs/index.html"), new MockFilterChain()).getStatus()).isEqualTo(200);
        assertThat(run(filter, unsigned("/app", "/app" + TestSpec.image("x")), new MockFilterChain()).getStatus())
                .isEqualTo(401);
    }

    private static String code(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(401);
        return JsonMapper.shared().readTree(response.getContentAsByteArray()).get("code").asString();
    }
}
