package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.DEMO;
import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static io.github.scptoolkit.image.it.ReferenceServer.SEED_PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * An attacker holds one valid captured request (raw bytes on a socket) and replays it with one
 * field changed, as issue 18 did against the emulator: the string to sign concatenates method, URL,
 * timestamp, access key, account id and client type without separators, so the server must accept
 * each field in one spelling only and only for the hosts it serves. No replay ever verifies; a fresh,
 * correctly signed request (also in the vendor SDK's exact shape) still does.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@InvalidRequests // replays are requests the spec does not allow, on purpose
class SignatureReplayIT {

    /** A public image of the bundled catalog: any tenant sees it. */
    static final String PUBLIC_IMAGE = "3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31";
    /** The demo tenant of another project (not bound to the seed project). */
    static final ScpCredentials TEST_B = ScpCredentials.of("test-b", "test-b");
    static final String OTHER_PROJECT = "3c9d2e71b5a84f0e9d6c1a2b7e4f8d05";

    @LocalServerPort
    int port;

    /** A request as it was captured: {@code target} signed by {@code who} for {@code http://host target} now. */
    private RawHttp.Request captured(ScpCredentials who, String host, String target) {
        RawHttp.Request request = new RawHttp.Request("GET", target);
        request.host = host;
        new ScpSigner(who).headers("GET", "http://" + host + target, System.currentTimeMillis()).forEach(request::header);
        return request;
    }

    private RawHttp.Request captured(ScpCredentials who, String target) {
        return captured(who, "127.0.0.1:" + port, target);
    }

    private RawHttp.Response send(RawHttp.Request request) {
        return RawHttp.send(port, request);
    }

    private static String value(RawHttp.Request request, String name) {
        return request.headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElseThrow();
    }

    /** The refusal's code, after checking it is a 401 problem with a code of the spec. */
    private static ScpProblemCode refusal(RawHttp.Response response) {
        assertThat(response.status()).as(RawHttp.abbreviate(response.body())).isEqualTo(401);
        assertThat(response.first("Content-Type")).startsWith("application/problem+json");
        assertThat(response.first("WWW-Authenticate")).isEqualTo("SCP-HMAC-SHA256 realm=\"" + ScpApi.SERVICE + "\"");
        return problem(response);
    }

    /** The problem's code, after checking it is a problem of the spec with the code's status. */
    private static ScpProblemCode problem(RawHttp.Response response) {
        assertThat(response.first("Content-Type")).startsWith("application/problem+json");
        String sent = ReferenceServer.json(response.body()).get("code").asText();
        ScpProblemCode code = ScpProblemCode.fromCode(sent)
                .orElseThrow(() -> new AssertionError("not a code of the spec: " + sent));
        assertThat(response.status()).as(RawHttp.abbreviate(response.body())).isEqualTo(code.status());
        return code;
    }

    @Test
    void leadingZerosNeverShiftTheIdsLastDigitsIntoTheTimestamp() {
        // test-b asks for ...4b310 (no such image) and the attacker captures the request.
        RawHttp.Request request = captured(TEST_B, ReferenceServer.imagePath(PUBLIC_IMAGE + "0"));
        assertThat(send(request).status()).as("the captured request is valid").isEqualTo(404);
        String timestamp = value(request, "Scp-Timestamp");

        // Same signature, one '0' moved from the URL into the timestamp: ...4b31 is a public image.
        request.target = ReferenceServer.imagePath(PUBLIC_IMAGE);
        request.set("Scp-Timestamp", "0" + timestamp);

        assertThat(refusal(send(request))).isEqualTo(ScpProblemCode.MALFORMED_TIMESTAMP);
    }

    @ParameterizedTest(name = "?x=100000 replayed as ?x={0}")
    @ValueSource(strings = {"10000", "1000", "100", "10", "1"})
    void leadingZerosNeverShiftQueryDigitsIntoTheTimestamp(String shortened) {
        RawHttp.Request request = captured(TEST_B, ReferenceServer.imagePath(PUBLIC_IMAGE) + "?x=100000");
        assertThat(send(request).status()).as("the captured request is valid").isEqualTo(200);
        String zeros = "0".repeat("100000".length() - shortened.length());

        request.target = ReferenceServer.imagePath(PUBLIC_IMAGE) + "?x=" + shortened;
        request.set("Scp-Timestamp", zeros + value(request, "Scp-Timestamp"));

        assertThat(refusal(send(request))).isEqualTo(ScpProblemCode.MALFORMED_TIMESTAMP);
    }

    @Test
    void theAccountIdNeverShiftsIntoTheClientType() {
        RawHttp.Request request = captured(DEMO, ReferenceServer.imagePath(SEED_IMAGE_ID));
        assertThat(send(request).status()).as("the captured request is valid").isEqualTo(200);

        for (int moved = 1; moved <= SEED_PROJECT.length(); moved++) {
            String account = SEED_PROJECT.substring(0, SEED_PROJECT.length() - moved);
            request.set("Scp-ClientType", SEED_PROJECT.substring(SEED_PROJECT.length() - moved) + "Openapi");
            if (account.isEmpty()) {
                request.remove("Scp-AccountId");
            } else {
                request.set("Scp-AccountId", account);
            }

            assertThat(refusal(send(request))).as("%d characters moved", moved)
                    .isEqualTo(ScpProblemCode.INVALID_CLIENT_TYPE);
        }
        request.set("Scp-AccountId", "");
        assertThat(refusal(send(request))).isEqualTo(ScpProblemCode.INVALID_CLIENT_TYPE);
    }

    @Test
    void aRequestSignedForAnotherDeploymentIsRefusedHere() {
        // Captured on the real service (same keys), replayed to the emulator with that Host.
        RawHttp.Request request = captured(DEMO, "virtualserver.kr-west1.e.samsungsdscloud.com",
                ReferenceServer.imagePath(SEED_IMAGE_ID));

        assertThat(refusal(send(request))).isEqualTo(ScpProblemCode.HOST_NOT_SERVED);
        request.host = "virtualserver.kr-west1.e.samsungsdscloud.com:" + port;
        assertThat(refusal(send(request))).isEqualTo(ScpProblemCode.HOST_NOT_SERVED);
    }

    @ParameterizedTest(name = "signed for and sent to {0}")
    @ValueSource(strings = {"127.0.0.1", "localhost", "LOCALHOST"})
    void theLoopbackNamesAtTheEmulatorsPortAreServed(String host) {
        RawHttp.Response response = send(captured(DEMO, host + ":" + port, ReferenceServer.imagePath(SEED_IMAGE_ID)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body()).get("id").asText()).isEqualTo(SEED_IMAGE_ID);
    }

    static Stream<Arguments> rewrites() {
        return Stream.of(
                rewrite("method POST", ScpProblemCode.INVALID_SIGNATURE, r -> r.method = "POST"),
                rewrite("another image", ScpProblemCode.INVALID_SIGNATURE, r -> r.target = ReferenceServer.imagePath(PUBLIC_IMAGE)),
                rewrite("a query added", ScpProblemCode.INVALID_SIGNATURE, r -> r.target = r.target + "?a=b"),
                // No operation's path (only the spec's signed operations are checked): nothing served.
                rewrite("a trailing slash", ScpProblemCode.NOT_FOUND, r -> r.target = r.target + "/"),
                rewrite("'-' percent-encoded", ScpProblemCode.INVALID_SIGNATURE, r -> r.target = r.target.replaceFirst("-", "%2D")),
                rewrite("Host localhost", ScpProblemCode.INVALID_SIGNATURE, r -> r.host = r.host.replace("127.0.0.1", "localhost")),
                rewrite("timestamp + 1", ScpProblemCode.INVALID_SIGNATURE,
                        r -> r.set("Scp-Timestamp", String.valueOf(Long.parseLong(value(r, "Scp-Timestamp")) + 1))),
                rewrite("timestamp with a leading zero", ScpProblemCode.MALFORMED_TIMESTAMP,
                        r -> r.set("Scp-Timestamp", "0" + value(r, "Scp-Timestamp"))),
                rewrite("timestamp with a sign", ScpProblemCode.MALFORMED_TIMESTAMP,
                        r -> r.set("Scp-Timestamp", "+" + value(r, "Scp-Timestamp"))),
                rewrite("access key of another tenant", ScpProblemCode.INVALID_SIGNATURE, r -> r.set("Scp-Accesskey", "test-b")),
                rewrite("account id of another project", ScpProblemCode.INVALID_SIGNATURE, r -> r.set("Scp-AccountId", OTHER_PROJECT)),
                rewrite("account id upper-case", ScpProblemCode.INVALID_ACCOUNT_ID,
                        r -> r.set("Scp-AccountId", SEED_PROJECT.toUpperCase(java.util.Locale.ROOT))),
                rewrite("account id removed", ScpProblemCode.INVALID_SIGNATURE, r -> r.remove("Scp-AccountId")),
                rewrite("account id emptied", ScpProblemCode.INVALID_SIGNATURE, r -> r.set("Scp-AccountId", "")),
                rewrite("client type lower-case", ScpProblemCode.INVALID_CLIENT_TYPE, r -> r.set("Scp-ClientType", "openapi")),
                rewrite("signature with one character changed", ScpProblemCode.INVALID_SIGNATURE, r -> {
                    String s = value(r, "Scp-Signature");
                    r.set("Scp-Signature", (s.charAt(0) == 'A' ? "B" : "A") + s.substring(1));
                }),
                rewrite("a second timestamp with a leading zero", ScpProblemCode.REPEATED_AUTH_HEADERS,
                        r -> r.header("Scp-Timestamp", "0" + value(r, "Scp-Timestamp"))),
                rewrite("a second signature", ScpProblemCode.REPEATED_AUTH_HEADERS, r -> r.header("Scp-Signature", "AAAA")),
                rewrite("a second account id", ScpProblemCode.REPEATED_AUTH_HEADERS, r -> r.header("Scp-AccountId", OTHER_PROJECT)),
                rewrite("the same client type twice", ScpProblemCode.REPEATED_AUTH_HEADERS, r -> r.header("Scp-ClientType", "Openapi")));
    }

    private static Arguments rewrite(String name, ScpProblemCode code, Consumer<RawHttp.Request> change) {
        return Arguments.of(name, code, change);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rewrites")
    void anyOtherFieldRewrittenNeverVerifies(String name, ScpProblemCode code, Consumer<RawHttp.Request> change) {
        RawHttp.Request request = captured(DEMO, ReferenceServer.imagePath(SEED_IMAGE_ID));
        assertThat(send(request).status()).as("the captured request is valid").isEqualTo(200);

        change.accept(request);

        RawHttp.Response response = send(request);
        assertThat(code.status() == 401 ? refusal(response) : problem(response)).isEqualTo(code);
    }

    @ParameterizedTest(name = "Scp-AccountId ''{0}''")
    @ValueSource(strings = {SEED_PROJECT, ""})
    void aFreshRequestInTheVendorSdksShapeIsAccepted(String accountId) {
        // As the vendor SDK sends it: its header spellings, Openapi, a canonical timestamp, and the
        // account id as a project id or an empty header.
        String url = "http://127.0.0.1:" + port + ReferenceServer.imagePath(SEED_IMAGE_ID);
        String timestamp = String.valueOf(System.currentTimeMillis());
        ScpCredentials signer = ScpCredentials.of("test", "test", accountId);
        RawHttp.Request request = new RawHttp.Request("GET", ReferenceServer.imagePath(SEED_IMAGE_ID))
                .header("Scp-API-Version", ScpServiceVersion.getLatest().headerValue()) // the vendor SDK's spelling
                .header("Scp-ClientType", "Openapi")
                .header("Accept-Language", "en-US")
                .header("Scp-AccountId", accountId)
                .header("Scp-AccessKey", "test")
                .header("Scp-Timestamp", timestamp)
                .header("Scp-Signature", new ScpSigner(signer).signature("GET", url, Long.parseLong(timestamp)));

        RawHttp.Response response = send(request);

        assertThat(response.status()).as(RawHttp.abbreviate(response.body())).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body()).get("id").asText()).isEqualTo(SEED_IMAGE_ID);
    }

    @Test
    void theTypedClientStillSignsRequestsThatVerify() {
        for (ScpCredentials credentials : List.of(DEMO, ScpCredentials.of("test", "test"), TEST_B)) {
            var image = io.github.scptoolkit.image.client.ScpImageClient.builder()
                    .endpoint("http://127.0.0.1:" + port).credentials(credentials).build().showImage(PUBLIC_IMAGE);

            assertThat(image.getId()).isEqualTo(PUBLIC_IMAGE);
        }
        assertThat(ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID), Map.of()).statusCode()).isEqualTo(200);
    }
}
