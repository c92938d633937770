package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpForbiddenException;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.client.ScpUnauthorizedException;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The emulator's bundled catalog, each image x each demo tenant x each version, every request
 * signed with the tenant's own key pair (docs/emulator.md): the expected status and body.
 * Retired versions are kept on here ({@code scp.versions.serve-retired=true}); their refusal with
 * default settings is {@link EmulatorRetiredVersionsIT}.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class EmulatorCatalogIT {

    /** The demo tenants of application.properties, as docs/emulator.md's table lists them. */
    static final ScpCredentials DEMO = ScpCredentials.of("test", "test", "a8f10467abfc4b87b64614ab36eb9ae4");
    static final ScpCredentials DEMO_B = ScpCredentials.of("test-b", "test-b");
    static final ScpCredentials NO_ACTION = ScpCredentials.of("test-noaction", "test-noaction");
    static final Map<String, ScpCredentials> TENANTS = Map.of("test", DEMO, "test-b", DEMO_B, "test-noaction", NO_ACTION);
    /** Every callable version of the spec. */
    static final List<ScpServiceVersion> VERSIONS = SpecVersions.callable();

    static final String HIDDEN_FROM_DEMO = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";

    /** Who sees what, written out by hand (not computed by the code under test). */
    static final Map<String, Set<String>> SEEN_BY = Map.of(
            "70a599e0-31e7-49b7-b260-868f441e862b", Set.of("test"),             // seed: private, project A
            "3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31", Set.of("test", "test-b"),   // public standard
            "b7c41e90-5d2f-4a8e-9c36-7f1a2b3c4d5e", Set.of("test"),             // queued, private, project A
            "9e2d5c18-4b7a-4f3e-8d6c-1a0b2c3d4e5f", Set.of("test", "test-b"),   // public GPU
            "c5a8e3f1-7b2d-4c9e-a6f0-3d1b5e7c9a2f", Set.of("test", "test-b"),   // shared by B with A (Korean name)
            HIDDEN_FROM_DEMO, Set.of("test-b"),                                 // private, project B (Korean name)
            "f0e9d8c7-b6a5-4f3e-9d2c-1b0a9f8e7d6c", Set.of("test", "test-b"),   // community, project C
            "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", Set.of("test-b"));          // shared by B with C only

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    static ArrayNode catalogJson() {
        return SpecVersions.catalog();
    }

    static Map<String, JsonNode> catalog() {
        Map<String, JsonNode> images = new HashMap<>();
        for (JsonNode entry : catalogJson()) {
            images.put(entry.get("image").get("id").asText(), entry.get("image"));
        }
        return images;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String id : SEEN_BY.keySet()) {
            for (String tenant : List.of("test", "test-b", "test-noaction")) {
                for (ScpServiceVersion version : VERSIONS) {
                    cases.add(Arguments.of(id, tenant, version));
                }
            }
        }
        return cases.stream();
    }

    /** The catalog's image in the shape of {@code version} (exactly the fields of its 200 schema). */
    static JsonNode shaped(JsonNode image, ScpServiceVersion version) {
        return SpecVersions.shaped(image, version);
    }

    HttpResponse<String> getAs(ScpCredentials tenant, String id, Map<String, String> headers) {
        return ReferenceServer.signedGet(port, ReferenceServer.imagePath(id), headers, new ScpSigner(tenant));
    }

    @Test
    void everyCatalogImageIsCovered() {
        assertThat(SEEN_BY.keySet()).isEqualTo(catalog().keySet());
    }

    @ParameterizedTest(name = "{0} as {1} in {2}")
    @MethodSource("matrix")
    void eachImageEachTenantEachVersion(String id, String tenant, ScpServiceVersion version) {
        var response = getAs(TENANTS.get(tenant), id, ReferenceServer.versionHeader(version));
        JsonNode body = ReferenceServer.json(response.body());

        if (tenant.equals("test-noaction")) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(body.get("code").asText()).isEqualTo("ACTION_NOT_ALLOWED");
            assertThat(body.get("detail").asText()).isEqualTo("The access key is not allowed to perform virtualserver:ShowImage.");
        } else if (SEEN_BY.get(id).contains(tenant)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body).isEqualTo(shaped(catalog().get(id), version));
            assertThat(response.headers().firstValue("Scp-Api-Version")).contains(version.headerValue());
        } else {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(body.get("code").asText()).isEqualTo("IMAGE_NOT_FOUND");
        }
    }

    @Test
    void keyWithoutTheActionGetsTheTypedForbiddenException() {
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(NO_ACTION).build();

        ScpForbiddenException e = catchThrowableOfType(ScpForbiddenException.class,
                () -> client.showImage(ReferenceServer.SEED_IMAGE_ID));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("ACTION_NOT_ALLOWED");
        assertThat(e.problemCode()).contains(ScpProblemCode.ACTION_NOT_ALLOWED);
        assertThat(e.detail()).contains("virtualserver:ShowImage");
    }

    @InvalidRequests // unsigned on purpose

    @Test
    void unsignedRequestIs401EvenForAPublicImage() {
        var response = ReferenceServer.get(port, ReferenceServer.imagePath("3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31"), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(ReferenceServer.json(response.body()).get("code").asText()).isEqualTo("MISSING_AUTH_HEADERS");
    }

    @Test
    void keyThatIsNoTenantIs401() {
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(ScpCredentials.of("scp-demo-access-key", "scp-demo-secret-key")).build();

        ScpUnauthorizedException e = catchThrowableOfType(ScpUnauthorizedException.class,
                () -> client.showImage("3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31"));

        assertThat(e.code()).isEqualTo("INVALID_SIGNATURE");
    }

    @Test
    void aTenantKeySignsOnlyForItsOwnProject() {
        ScpCredentials demoForProjectB = ScpCredentials.of("test", "test", "3c9d2e71b5a84f0e9d6c1a2b7e4f8d05");

        var response = getAs(demoForProjectB, HIDDEN_FROM_DEMO, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ReferenceServer.json(response.body()).get("code").asText()).isEqualTo("INVALID_SIGNATURE");
    }

    @Test
    void invisibleImageLooksLikeAnotherMissingOneApartFromTheId() {
        String missing = "e1f2a3b4-c5d6-4e7f-8a9b-000000000000";
        var invisible = getAs(DEMO, HIDDEN_FROM_DEMO, Map.of());
        var absent = getAs(DEMO, missing, Map.of());

        assertThat(invisible.statusCode()).isEqualTo(absent.statusCode()).isEqualTo(404);
        assertThat(invisible.body().replace(HIDDEN_FROM_DEMO, "ID")).isEqualTo(absent.body().replace(missing, "ID"));
        assertThat(headersWithoutDate(invisible)).isEqualTo(headersWithoutDate(absent));
    }

    /**
     * The same id, hidden here and absent from a second emulator whose catalog lacks it: the two
     * answers are identical, body byte for byte and every header but Date.
     */
    @Test
    void invisibleImageIsIdenticalToTheSameIdMissing() throws IOException {
        ArrayNode without = catalogJson();
        for (int i = 0; i < without.size(); i++) {
            if (without.get(i).get("image").get("id").asText().equals(HIDDEN_FROM_DEMO)) {
                without.remove(i);
                break;
            }
        }
        Path file = Files.writeString(dir.resolve("without-hidden.json"), without.toString());
        HttpResponse<String> hidden = getAs(DEMO, HIDDEN_FROM_DEMO, ReferenceServer.versionHeader(SpecVersions.current()));
        HttpResponse<String> missing;
        try (ConfigurableApplicationContext other = new SpringApplication(ReferenceServerApplication.class)
                .run("--server.port=0", "--scp.catalog=file:" + file)) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            missing = ReferenceServer.signedGet(otherPort, ReferenceServer.imagePath(HIDDEN_FROM_DEMO),
                    ReferenceServer.versionHeader(SpecVersions.current()), new ScpSigner(DEMO));
        }

        assertThat(hidden.statusCode()).isEqualTo(missing.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo(missing.body());
        assertThat(headersWithoutDate(hidden)).isEqualTo(headersWithoutDate(missing));
    }

    @Test
    void koreanNamesComeBackIntact() {
        var response = getAs(DEMO, "c5a8e3f1-7b2d-4c9e-a6f0-3d1b5e7c9a2f", Map.of());

        assertThat(ReferenceServer.json(response.body()).get("name").asText()).isEqualTo("분석 플랫폼 RHEL 9.4 (공유)");
    }

    @Test
    void theTypedClientReadsEveryVisibleImageInEveryVersion() {
        for (ScpServiceVersion version : VERSIONS) {
            ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                    .credentials(DEMO_B).serviceVersion(version).build();
            SEEN_BY.forEach((id, seenBy) -> {
                if (seenBy.contains("test-b")) {
                    assertThat(client.showImage(id).getId()).as("%s in %s", id, version).isEqualTo(id);
                }
            });
        }
    }

    private static Map<String, List<String>> headersWithoutDate(HttpResponse<String> response) {
        Map<String, List<String>> copy = new HashMap<>(response.headers().map());
        copy.remove("date");
        // Framing, not content: the it-tests' contract filter buffers bodies (Content-Length), the
        // second emulator started by hand streams them (chunked).
        copy.remove("content-length");
        copy.remove("transfer-encoding");
        return copy;
    }
}
