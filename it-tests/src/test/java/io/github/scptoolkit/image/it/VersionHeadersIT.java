package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ResponseMetadata;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpResponse;
import io.github.scptoolkit.image.client.VersionCheck;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * Status × body × headers for every version of the spec while retired versions are kept on: the
 * 200 shape of the version, {@code Scp-Api-Version} echoed and {@code Vary} on all,
 * {@code Deprecation}, {@code Sunset} and {@code Link} on DEPRECATED versions only (00:00 of their
 * Not Before date in the spec's zone), and the same facts seen through the client's
 * {@link ResponseMetadata}.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class VersionHeadersIT {

    static final String DOC = "<https://docs.e.samsungsdscloud.com/>; rel=\"deprecation\"; type=\"text/html\"";

    @LocalServerPort
    int port;

    static List<ScpServiceVersion> versions() {
        return SpecVersions.callable();
    }

    @ParameterizedTest(name = "{0}: 200, its shape, echo, Vary, deprecation headers iff DEPRECATED")
    @MethodSource("versions")
    void rawResponseOfEachVersion(ScpServiceVersion version) {
        HttpResponse<String> response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID),
                ReferenceServer.versionHeader(version));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body())).isEqualTo(SpecVersions.expectedSeed(version));
        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly(version.headerValue());
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
        if (version.isDeprecated()) {
            assertThat(response.headers().firstValue("Deprecation"))
                    .contains("@" + SpecVersions.sunsetInstant(version).getEpochSecond());
            assertThat(response.headers().firstValue("Sunset")).contains(SpecVersions.sunset(version));
            assertThat(response.headers().allValues("Link")).containsExactly(DOC);
        } else {
            assertThat(response.headers().firstValue("Deprecation")).isEmpty();
            assertThat(response.headers().firstValue("Sunset")).isEmpty();
            assertThat(response.headers().firstValue("Link")).isEmpty();
        }
    }

    @Test
    void theSunsetOfTheOldestDeprecatedVersionIsWhatTheVendorPublishes() {
        // A hand-written anchor for SpecVersions.sunset: the vendor's 1.0 Not Before is 2025-12-31 (Asia/Seoul).
        ScpServiceVersion oldest = SpecVersions.deprecated().get(SpecVersions.deprecated().size() - 1);
        org.junit.jupiter.api.Assumptions.assumeTrue(oldest.notBefore().orElseThrow().toString().equals("2025-12-31"));

        assertThat(SpecVersions.sunset(oldest)).isEqualTo("Tue, 30 Dec 2025 15:00:00 GMT");
        assertThat(SpecVersions.sunsetInstant(oldest).getEpochSecond()).isEqualTo(1_767_106_800L);
    }

    @ParameterizedTest(name = "{0}: the client sees the served version and the deprecation signals")
    @MethodSource("versions")
    void clientMetadataOfEachVersion(ScpServiceVersion version) {
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(ReferenceServer.DEMO).serviceVersion(version).build();

        ScpResponse<Image> response = client.showImageWithResponse(SEED_IMAGE_ID);

        assertThat(response.body().getId()).isEqualTo(SEED_IMAGE_ID);
        ResponseMetadata metadata = response.metadata();
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.servedVersion()).contains(version);
        assertThat(metadata.isDeprecated()).isEqualTo(version.isDeprecated());
        if (version.isDeprecated()) {
            assertThat(metadata.deprecation()).contains(SpecVersions.sunsetInstant(version));
            assertThat(metadata.sunset()).contains(SpecVersions.sunsetInstant(version));
            assertThat(metadata.deprecationLink()).contains(URI.create("https://docs.e.samsungsdscloud.com/"));
        } else {
            assertThat(metadata.sunset()).isEmpty();
        }
    }

    @Test
    void withoutAHeaderTheCurrentVersionIsEchoed() {
        HttpResponse<String> response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID), Map.of());

        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly(SpecVersions.current().headerValue());
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
    }

    @Test
    void anErrorOfAResolvedVersionEchoesIt() {
        ScpServiceVersion deprecated = SpecVersions.deprecated().get(0);
        HttpResponse<String> response = ReferenceServer.signedGet(port,
                ReferenceServer.imagePath("00000000-0000-0000-0000-000000000000"), ReferenceServer.versionHeader(deprecated));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly(deprecated.headerValue());
        assertThat(response.headers().allValues("Vary")).anyMatch(v -> v.contains("Scp-Api-Version"));
        assertThat(response.headers().firstValue("Sunset")).contains(SpecVersions.sunset(deprecated));
    }

    @Test
    void readmeVersionsSnippetRuns() {
        String endpoint = "http://127.0.0.1:" + port;
        ScpCredentials credentials = ReferenceServer.DEMO;
        String configuredVersion = SpecVersions.deprecated().get(0).getVersion();   // e.g. from your settings
        // --- docs/versions-and-errors.md "## Versions" snippet (keep in sync) ---
        ScpImageClient images = ScpImageClient.builder()
                .endpoint(endpoint)
                .credentials(credentials)
                .serviceVersion(ScpServiceVersion.fromVersion(configuredVersion).orElseThrow())
                .build();                                   // logs one warning if that version is DEPRECATED
        ScpResponse<Image> r = images.showImageWithResponse("70a599e0-31e7-49b7-b260-868f441e862b");
        if (r.metadata().isDeprecated()) {
            System.out.println("served by " + r.metadata().servedVersion().orElseThrow()
                    + ", sunset " + r.metadata().sunset().orElseThrow());
        }
        for (VersionCheck v : VersionCheck.all(images.versions(), ServiceVersion.today(Clock.systemUTC()))) {
            System.out.println(v.id() + " " + v.status() + " not before " + v.notBefore().orElse(null)
                    + (v.retired() ? " (retired)" : ""));
        }
        // --- end of snippet ---
        ScpServiceVersion configured = ScpServiceVersion.fromVersion(configuredVersion).orElseThrow();
        assertThat(r.metadata().servedVersion()).contains(configured);
        assertThat(r.metadata().sunset()).contains(SpecVersions.sunsetInstant(configured));
        assertThat(VersionCheck.all(images.versions(), ServiceVersion.today(Clock.systemUTC())))
                .extracting(VersionCheck::id)
                .containsExactlyInAnyOrderElementsOf(ScpServiceVersion.all().stream().map(ScpServiceVersion::id).toList());
    }
}
