package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ApiVersion;
import io.github.scptoolkit.image.client.ImageVersion;
import io.github.scptoolkit.image.client.ResponseMetadata;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ShowImageResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * Status × body × headers for every version while retired versions are kept on: the 200 shape of
 * the version, {@code Scp-Api-Version} echoed and {@code Vary} on all, {@code Deprecation},
 * {@code Sunset} and {@code Link} on 1.0/1.1 only, and the same facts seen through the client's
 * {@link ResponseMetadata}.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class VersionHeadersIT {

    static final String DOC = "<https://docs.e.samsungsdscloud.com/>; rel=\"deprecation\"; type=\"text/html\"";

    @LocalServerPort
    int port;

    static Stream<Arguments> versions() {
        return Stream.of(
                Arguments.of(ImageVersion.V1_0, "2025-12-30T15:00:00Z", "Tue, 30 Dec 2025 15:00:00 GMT"),
                Arguments.of(ImageVersion.V1_1, "2026-05-30T15:00:00Z", "Sat, 30 May 2026 15:00:00 GMT"),
                Arguments.of(ImageVersion.V1_2, null, null),
                Arguments.of(ImageVersion.V1_3, null, null));
    }

    @ParameterizedTest(name = "{0}: 200, its shape, echo, Vary, deprecation headers iff deprecated")
    @MethodSource("versions")
    void rawResponseOfEachVersion(ImageVersion<?> version, String sunsetInstant, String sunset) {
        String number = version.version().number();
        HttpResponse<String> response = ReferenceServer.signedGet(port, "/v1/images/" + SEED_IMAGE_ID,
                Map.of("Scp-Api-Version", "virtualserver " + number));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body())).isEqualTo(ReferenceServer.seedExample(number));
        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly("virtualserver " + number);
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
        if (sunset != null) {
            assertThat(response.headers().firstValue("Deprecation"))
                    .contains("@" + Instant.parse(sunsetInstant).getEpochSecond());
            assertThat(response.headers().firstValue("Sunset")).contains(sunset);
            assertThat(response.headers().allValues("Link")).containsExactly(DOC);
        } else {
            assertThat(response.headers().firstValue("Deprecation")).isEmpty();
            assertThat(response.headers().firstValue("Sunset")).isEmpty();
            assertThat(response.headers().firstValue("Link")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: the client sees the served version and the deprecation signals")
    @MethodSource("versions")
    <T extends ImageShowResponse> void clientMetadataOfEachVersion(ImageVersion<T> version, String sunsetInstant,
            String sunset) {
        ScpImageClient<T> client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(ReferenceServer.DEMO).build(version);

        ShowImageResponse<T> response = client.showImageWithMetadata(SEED_IMAGE_ID);

        assertThat(response.body()).isExactlyInstanceOf(version.responseType());
        ResponseMetadata metadata = response.metadata();
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.servedVersion()).contains(version.version());
        assertThat(metadata.isDeprecated()).isEqualTo(sunset != null);
        if (sunset != null) {
            assertThat(metadata.deprecation()).contains(Instant.parse(sunsetInstant));
            assertThat(metadata.sunset()).contains(Instant.parse(sunsetInstant));
            assertThat(metadata.deprecationLink()).contains(URI.create("https://docs.e.samsungsdscloud.com/"));
        } else {
            assertThat(metadata.sunset()).isEmpty();
        }
    }

    @Test
    void withoutAHeaderTheCurrentVersionIsEchoed() {
        HttpResponse<String> response = ReferenceServer.signedGet(port, "/v1/images/" + SEED_IMAGE_ID, Map.of());

        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly("virtualserver 1.3");
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
    }

    @Test
    void anErrorOfAResolvedVersionEchoesIt() {
        HttpResponse<String> response = ReferenceServer.signedGet(port, "/v1/images/00000000-0000-0000-0000-000000000000",
                Map.of("Scp-Api-Version", "virtualserver 1.1"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly("virtualserver 1.1");
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
        assertThat(response.headers().firstValue("Sunset")).contains("Sat, 30 May 2026 15:00:00 GMT");
    }

    @Test
    void readmeVersionsSnippetRuns() {
        String endpoint = "http://127.0.0.1:" + port;
        ScpCredentials credentials = ReferenceServer.DEMO;
        // --- README "## Versions" snippet (keep in sync) ---
        ScpImageClient<ImageShowResponse> images = ScpImageClient.builder()
                .endpoint(endpoint)
                .credentials(credentials)
                .build(ImageVersion.V1_1);              // logs one warning: 1.1 is DEPRECATED
        ShowImageResponse<ImageShowResponse> r = images.showImageWithMetadata("70a599e0-31e7-49b7-b260-868f441e862b");
        if (r.metadata().isDeprecated()) {
            System.out.println("served by " + r.metadata().servedVersion().orElseThrow()
                    + ", sunset " + r.metadata().sunset().orElseThrow());
        }
        // --- end of snippet ---
        assertThat(r.metadata().servedVersion()).contains(ApiVersion.V1_1);
        assertThat(r.metadata().sunset()).contains(Instant.parse("2026-05-30T15:00:00Z"));
    }
}
