package io.github.scptoolkit.image.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Runs README.md's "Consume the client jar" example against the reference server, the CURRENT
 * version and the spec's oldest callable one. The code between the markers is README's code block
 * verbatim; {@link ReadmeTest} fails when they drift apart.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class ReadmeClientExampleIT {

    @LocalServerPort
    int port;

    @Test
    void readmeClientExampleReadsTheSeedImageInTheCurrentAndAPinnedVersion() {
        String endpoint = "http://127.0.0.1:" + port;
        ScpCredentials credentials = ScpCredentials.of("test", "test"); // the reference server's demo pair
        ScpServiceVersion oldest = ScpServiceVersion.all().stream().filter(ScpServiceVersion::isCallable).findFirst()
                .orElseThrow();
        String configuredVersion = oldest.getVersion();

        // README: begin
        ScpImageClient images = ScpImageClient.builder()
                .endpoint(endpoint)                  // e.g. "http://127.0.0.1:8080"
                .credentials(credentials)            // default: SCP_ACCESS_KEY / SCP_SECRET_KEY from the environment
                .build();                            // the CURRENT version, ScpServiceVersion.getLatest()
        Image image = images.showImage("70a599e0-31e7-49b7-b260-868f441e862b");
        String gpuDriver = image.getScpGpuDriver();  // null when the version does not send it

        ScpImageClient pinned = ScpImageClient.builder()
                .endpoint(endpoint)
                .credentials(credentials)
                .serviceVersion(ScpServiceVersion.fromVersion(configuredVersion).orElseThrow())   // e.g. from settings
                .build();
        Image old = pinned.showImage("70a599e0-31e7-49b7-b260-868f441e862b");   // the same model
        // README: end

        assertThat(images.serviceVersion()).isSameAs(ScpServiceVersion.getLatest());
        assertThat(pinned.serviceVersion()).isSameAs(oldest);
        assertThat(gpuDriver).isEqualTo(sends(ScpServiceVersion.getLatest(), "scp_gpu_driver") ? "535.183.06" : null);
        assertThat(image.getSize()).isEqualTo(2_429_747_200L);
        assertThat(old.getName()).isEqualTo("imagename");
        assertThat(old.getScpGpuDriver()).isEqualTo(sends(oldest, "scp_gpu_driver") ? "535.183.06" : null);
    }

    private static boolean sends(ScpServiceVersion version, String field) {
        return ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow().field(field).isPresent();
    }
}
