package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.DEMO;
import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Client;
import feign.FeignException;
import feign.Request;
import feign.Response;
import feign.Retryer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpResponse;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Proves request signing end to end on a real server: the client's signatures are accepted on
 * every version, each retry is signed afresh and accepted, the URL the client signs is the URL the
 * server receives (tricky ids too), and everything else is a 401 problem with a stable code.
 */
@SpringBootTest(classes = {ReferenceServerApplication.class, RequestSigningIT.ReceivedUrls.class},
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "scp.versions.serve-retired=true"})
class RequestSigningIT {

    @LocalServerPort
    int port;

    /** Records, before the signature check, the URL each request arrived with (as the server rebuilds it). */
    @TestConfiguration
    static class ReceivedUrls {
        static final List<String> URLS = Collections.synchronizedList(new ArrayList<>());

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        OncePerRequestFilter receivedUrlRecorder() {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    String query = request.getQueryString();
                    URLS.add(request.getRequestURL() + (query == null ? "" : "?" + query));
                    chain.doFilter(request, response);
                }
            };
        }
    }

    /** Sends each attempt to the server, records it, and loses the first {@code failures} answers. */
    static final class LosingClient implements Client {
        final List<Request> sent = new ArrayList<>();
        final List<Integer> serverStatuses = new ArrayList<>();
        private final Client delegate = new Client.Default(null, null);
        private int failures;

        LosingClient(int failures) {
            this.failures = failures;
        }

        @Override
        public Response execute(Request request, Request.Options options) throws IOException {
            sent.add(request);
            Response response = delegate.execute(request, options);
            serverStatuses.add(response.status());
            if (failures-- > 0) {
                response.close();
                throw new IOException("connection reset after the server answered (simulated)");
            }
            return response;
        }
    }

    @BeforeEach
    void clearRecords() {
        ReceivedUrls.URLS.clear();
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    static List<ScpServiceVersion> versions() {
        return SpecVersions.callable();
    }

    @ParameterizedTest(name = "{0}: signed with the demo key pair, the seed image is served")
    @MethodSource("versions")
    void demoCredentialsAreAcceptedOnEveryVersion(ScpServiceVersion version) {
        ScpResponse<Image> response = ScpImageClient.builder().endpoint(endpoint()).credentials(DEMO)
                .serviceVersion(version).build().showImageWithResponse(SEED_IMAGE_ID);

        assertThat(response.body().getId()).isEqualTo(SEED_IMAGE_ID);
        assertThat(response.metadata().servedVersion()).contains(version);
    }

    @Test
    void demoCredentialsWithoutAccountIdAreAcceptedToo() {
        Image image = ScpImageClient.builder().endpoint(endpoint())
                .credentials(ScpCredentials.of("test", "test")).build().showImage(SEED_IMAGE_ID);

        assertThat(image.getId()).isEqualTo(SEED_IMAGE_ID);
    }

    @Test
    void wrongSecretIsA401WithAStableCode() {
        ScpImageClient client = ScpImageClient.builder().endpoint(endpoint())
                .credentials(ScpCredentials.of("test", "not-the-secret")).build();

        FeignException e = catchThrowableOfType(FeignException.class, () -> client.showImage(SEED_IMAGE_ID));

        assertThat(e.status()).isEqualTo(401);
        JsonNode problem = ReferenceServer.json(e.contentUTF8());
        assertThat(problem.get("code").asText()).isEqualTo("INVALID_SIGNATURE");
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("INVALID_SIGNATURE");
        assertThat(e.responseHeaders().get("www-authenticate")).containsExactly("SCP-HMAC-SHA256 realm=\"virtualserver\"");
        assertThat(e.responseHeaders().get("content-type")).anyMatch(v -> v.startsWith("application/problem+json"));
    }

    @Test
    void unknownAccessKeyLooksExactlyLikeAWrongSecret() {
        HttpResponse<String> unknown = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID), Map.of(),
                new ScpSigner(ScpCredentials.of("nobody", "test")));
        HttpResponse<String> wrong = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID), Map.of(),
                new ScpSigner(ScpCredentials.of("test", "wrong")));

        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknown.headers().firstValue("www-authenticate")).isEqualTo(wrong.headers().firstValue("www-authenticate"));
    }

    @InvalidRequests
    @Test
    void unsignedRequestIsMissingAuthHeaders() {
        HttpResponse<String> response = ReferenceServer.get(port, ReferenceServer.imagePath(SEED_IMAGE_ID), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ReferenceServer.json(response.body()).get("code").asText()).isEqualTo("MISSING_AUTH_HEADERS");
    }

    @Test
    void staleAndMalformedTimestampsAreRefused() {
        String url = endpoint() + ReferenceServer.imagePath(SEED_IMAGE_ID);
        long tenMinutesAgo = System.currentTimeMillis() - 600_000;
        Map<String, String> stale = new ScpSigner(DEMO).headers("GET", url, tenMinutesAgo);
        Map<String, String> malformed = new java.util.HashMap<>(stale);
        malformed.put("Scp-Timestamp", "not-a-number");

        assertThat(code(ReferenceServer.get(port, ReferenceServer.imagePath(SEED_IMAGE_ID), stale))).isEqualTo("TIMESTAMP_OUT_OF_WINDOW");
        assertThat(code(ReferenceServer.get(port, ReferenceServer.imagePath(SEED_IMAGE_ID), malformed))).isEqualTo("MALFORMED_TIMESTAMP");
    }

    @Test
    void theVendorsHeaderSpellingsAreAccepted() {
        String url = endpoint() + ReferenceServer.imagePath(SEED_IMAGE_ID);
        ScpServiceVersion version = SpecVersions.fieldAddedLater().orElseThrow().older();
        Map<String, String> vendor = new java.util.LinkedHashMap<>();
        new ScpSigner(DEMO).headers("GET", url, System.currentTimeMillis())
                .forEach((name, value) -> vendor.put(name.equals("Scp-Accesskey") ? "Scp-AccessKey" : name, value));
        vendor.put("Scp-API-Version", version.headerValue());

        HttpResponse<String> response = ReferenceServer.get(port, ReferenceServer.imagePath(SEED_IMAGE_ID), vendor);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Scp-Api-Version")).as("the vendor's spelling of the version header is read")
                .contains(version.headerValue());
        assertThat(ReferenceServer.json(response.body())).isEqualTo(SpecVersions.expectedSeed(version));
    }

    @Test
    void twoLostAnswersThenSuccessAreThreeFreshlySignedAttemptsAllAccepted() {
        LosingClient http = new LosingClient(2);
        ScpImageClient client = ScpImageClient.builder().endpoint(endpoint()).credentials(DEMO).client(http)
                .retryer(new Retryer.Default(10, 50, 3)).build();

        assertThat(client.showImage(SEED_IMAGE_ID).getId()).isEqualTo(SEED_IMAGE_ID);

        assertThat(http.sent).hasSize(3);
        assertThat(http.serverStatuses).containsExactly(200, 200, 200);
        for (Request attempt : http.sent) {
            for (String header : List.of("Scp-Accesskey", "Scp-Timestamp", "Scp-ClientType", "Scp-AccountId", "Scp-Signature")) {
                assertThat(attempt.headers().get(header)).as(header).hasSize(1);
            }
        }
        assertThat(http.sent).extracting(r -> r.headers().get("Scp-Timestamp").iterator().next()).doesNotHaveDuplicates();
        assertThat(http.sent).extracting(r -> r.headers().get("Scp-Signature").iterator().next()).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "id ''{0}'': the URL signed is the URL received, and it is accepted")
    @ValueSource(strings = {"a/b", "100%", "not a uuid/..", "../etc/passwd", "a..b", "a?b=c", "a#b", "a%2Fb",
        "a%25b", "이미지-1", "café", "a+b;c"})
    void trickyIdsAreSignedAsReceived(String id) {
        LosingClient http = new LosingClient(0);
        ScpImageClient client = ScpImageClient.builder().endpoint(endpoint()).credentials(DEMO).client(http).build();

        FeignException e = catchThrowableOfType(FeignException.class, () -> client.showImage(id));

        // Past the signature check: the implementation looked the id up and found nothing.
        assertThat(e.status()).isEqualTo(404);
        assertThat(ReferenceServer.json(e.contentUTF8()).get("code").asText()).isEqualTo("IMAGE_NOT_FOUND");
        assertThat(ReferenceServer.json(e.contentUTF8()).get("detail").asText()).contains(id.substring(0, 1));
        assertThat(ReceivedUrls.URLS).containsExactly(http.sent.get(0).url());
        Request sent = http.sent.get(0);
        long timestamp = Long.parseLong(sent.headers().get("Scp-Timestamp").iterator().next());
        assertThat(sent.headers().get("Scp-Signature"))
                .containsExactly(new ScpSigner(DEMO).signature("GET", ReceivedUrls.URLS.get(0), timestamp));
    }

    @Test
    void theServerKnowsWhoSigned() {
        ScpImageClient otherProject = ScpImageClient.builder().endpoint(endpoint())
                .credentials(ScpCredentials.of("test-b", "test-b")).build();   // the demo tenant of another project

        // The seed image is private to its owner project: another project's valid key does not see it.
        FeignException e = catchThrowableOfType(FeignException.class, () -> otherProject.showImage(SEED_IMAGE_ID));

        assertThat(e.status()).isEqualTo(404);
        assertThat(ReferenceServer.json(e.contentUTF8()).get("code").asText()).isEqualTo("IMAGE_NOT_FOUND");
    }

    @Test
    void readmeClientSnippetWorks() {
        String endpoint = "http://127.0.0.1:" + port;
        // Copy of the client snippet in docs/signing.md (keep in sync).
        ScpImageClient images = ScpImageClient.builder()
                .endpoint(endpoint)                  // e.g. "http://127.0.0.1:8080"
                .credentials(ScpCredentials.of("test", "test", "a8f10467abfc4b87b64614ab36eb9ae4"))
                .build();
        Image image = images.showImage("70a599e0-31e7-49b7-b260-868f441e862b");

        assertThat(image.getOwner()).isEqualTo("a8f10467abfc4b87b64614ab36eb9ae4");
    }

    private static String code(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        return ReferenceServer.json(response.body()).get("code").asText();
    }
}
