package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * The emulator's bundled catalog, each image x each demo tenant x each version: the expected
 * status and body. Until request signing lands, a test filter plays the signature filter's part
 * and sets the verified access key from {@code X-Test-Access-Key}; a request without it acts as
 * the demo tenant (the temporary default).
 */
// TODO(merge-signing): replace the test filter by signed requests with each tenant's key pair.
@SpringBootTest(classes = {ReferenceServerApplication.class, EmulatorCatalogIT.IdentityFromTestHeader.class},
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true") // keeps 1.0/1.1 served once the versions work lands
class EmulatorCatalogIT {

    static final String DEMO = "scp-demo-access-key";
    static final String DEMO_B = "scp-demo-b-access-key";
    static final String NO_ACTION = "scp-demo-noaction-access-key";
    static final List<String> VERSIONS = List.of("1.0", "1.1", "1.2", "1.3");

    /** Who sees what, written out by hand (not computed by the code under test). */
    static final Map<String, Set<String>> SEEN_BY = Map.of(
            "70a599e0-31e7-49b7-b260-868f441e862b", Set.of(DEMO),            // seed: private, project A
            "3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31", Set.of(DEMO, DEMO_B),    // public standard
            "b7c41e90-5d2f-4a8e-9c36-7f1a2b3c4d5e", Set.of(DEMO),            // queued, private, project A
            "9e2d5c18-4b7a-4f3e-8d6c-1a0b2c3d4e5f", Set.of(DEMO, DEMO_B),    // public GPU
            "c5a8e3f1-7b2d-4c9e-a6f0-3d1b5e7c9a2f", Set.of(DEMO, DEMO_B),    // shared by B with A (Korean name)
            "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", Set.of(DEMO_B),          // private, project B (Korean name)
            "f0e9d8c7-b6a5-4f3e-9d2c-1b0a9f8e7d6c", Set.of(DEMO, DEMO_B),    // community, project C
            "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", Set.of(DEMO_B));         // shared by B with C only

    @LocalServerPort
    int port;

    /** Plays the signature filter: the verified access key as a request attribute. */
    @TestConfiguration
    static class IdentityFromTestHeader {
        @Bean
        FilterRegistrationBean<Filter> testIdentity() {
            Filter filter = (request, response, chain) -> {
                String key = ((jakarta.servlet.http.HttpServletRequest) request).getHeader("X-Test-Access-Key");
                if (key != null) {
                    request.setAttribute("io.github.scptoolkit.image.server.accessKey", key);
                }
                chain.doFilter(request, response);
            };
            return new FilterRegistrationBean<>(filter);
        }
    }

    static Map<String, JsonNode> catalog() {
        try (InputStream in = EmulatorCatalogIT.class.getResourceAsStream("/catalog.json")) {
            Map<String, JsonNode> images = new HashMap<>();
            for (JsonNode entry : ReferenceServer.JSON.readTree(in)) {
                images.put(entry.get("image").get("id").asText(), entry.get("image"));
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String id : SEEN_BY.keySet()) {
            for (String tenant : List.of(DEMO, DEMO_B, NO_ACTION)) {
                for (String version : VERSIONS) {
                    cases.add(Arguments.of(id, tenant, version));
                }
            }
        }
        return cases.stream();
    }

    /** The catalog's image in the shape of {@code version}: no scp_gpu_driver before 1.2, always one from 1.2. */
    static JsonNode shaped(JsonNode image, String version) {
        ObjectNode body = image.deepCopy();
        if (version.equals("1.0") || version.equals("1.1")) {
            body.remove("scp_gpu_driver");
        } else if (!body.has("scp_gpu_driver")) {
            body.putNull("scp_gpu_driver");
        }
        return body;
    }

    @ParameterizedTest(name = "{0} as {1} in {2}")
    @MethodSource("matrix")
    void eachImageEachTenantEachVersion(String id, String tenant, String version) {
        var response = ReferenceServer.get(port, "/v1/images/" + id,
                Map.of("Scp-Api-Version", "virtualserver " + version, "X-Test-Access-Key", tenant));
        JsonNode body = ReferenceServer.json(response.body());

        if (tenant.equals(NO_ACTION)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(body.get("code").asText()).isEqualTo("ACTION_NOT_ALLOWED");
            assertThat(body.get("detail").asText()).contains("virtualserver:ShowImage");
        } else if (SEEN_BY.get(id).contains(tenant)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body).isEqualTo(shaped(catalog().get(id), version));
        } else {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(body.get("code").asText()).isEqualTo("IMAGE_NOT_FOUND");
        }
    }

    @Test
    void invisibleImageLooksExactlyLikeAMissingOne() {
        String hidden = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";
        String missing = "e1f2a3b4-c5d6-4e7f-8a9b-000000000000";
        var invisible = ReferenceServer.get(port, "/v1/images/" + hidden, Map.of("X-Test-Access-Key", DEMO));
        var absent = ReferenceServer.get(port, "/v1/images/" + missing, Map.of("X-Test-Access-Key", DEMO));

        assertThat(invisible.statusCode()).isEqualTo(absent.statusCode()).isEqualTo(404);
        assertThat(invisible.body().replace(hidden, "ID")).isEqualTo(absent.body().replace(missing, "ID"));
        assertThat(headersWithoutDate(invisible.headers().map())).isEqualTo(headersWithoutDate(absent.headers().map()));
    }

    @Test
    void unknownVerifiedKeyMayDoNothing() {
        var response = ReferenceServer.get(port, "/v1/images/3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31",
                Map.of("X-Test-Access-Key", "no-such-key"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void requestWithoutIdentityActsAsTheDemoTenantForNow() {
        // TODO(merge-signing): after signing, an unsigned request is a 401 instead.
        var seed = ReferenceServer.get(port, "/v1/images/70a599e0-31e7-49b7-b260-868f441e862b", Map.of());
        var teamB = ReferenceServer.get(port, "/v1/images/e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", Map.of());

        assertThat(seed.statusCode()).isEqualTo(200);
        assertThat(teamB.statusCode()).isEqualTo(404);
    }

    @Test
    void koreanNamesComeBackIntact() {
        var response = ReferenceServer.get(port, "/v1/images/c5a8e3f1-7b2d-4c9e-a6f0-3d1b5e7c9a2f", Map.of());

        assertThat(ReferenceServer.json(response.body()).get("name").asText()).isEqualTo("분석 플랫폼 RHEL 9.4 (공유)");
    }

    private static Map<String, List<String>> headersWithoutDate(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new HashMap<>(headers);
        copy.remove("date");
        copy.remove("content-length");
        return copy;
    }
}
