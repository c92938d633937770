package io.github.scptoolkit.image.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ImageVersion;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponseV1Dot2;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * Runs README.md's "Consume the client jar" example against the reference server. The code between
 * the markers is README's code block verbatim; {@link ReadmeTest} fails when they drift apart.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class ReadmeClientExampleIT {

    @LocalServerPort
    int port;

    @Test
    void readmeClientExampleReadsTheSeedImageIn12And11() {
        String endpoint = "http://127.0.0.1:" + port;
        ScpCredentials credentials = ScpCredentials.of("test", "test"); // the reference server's demo pair

        // README: begin
        ScpImageClient<ImageShowResponseV1Dot2> images = ScpImageClient.builder()
                .endpoint(endpoint)                  // e.g. "http://127.0.0.1:8080"
                .credentials(credentials)            // default: SCP_ACCESS_KEY / SCP_SECRET_KEY from the environment
                .build(ImageVersion.V1_2);           // build() alone binds the CURRENT version, 1.3
        ImageShowResponseV1Dot2 image = images.showImage("70a599e0-31e7-49b7-b260-868f441e862b");
        String gpuDriver = image.getScpGpuDriver();  // 1.2 and 1.3 carry scp_gpu_driver

        ScpImageClient<ImageShowResponse> v11 = ScpImageClient.builder()
                .endpoint(endpoint)
                .credentials(credentials)
                .build(ImageVersion.V1_1);           // 1.0 and 1.1 answer ImageShowResponse
        ImageShowResponse old = v11.showImage("70a599e0-31e7-49b7-b260-868f441e862b");
        // README: end

        assertThat(gpuDriver).isEqualTo("535.183.06");
        assertThat(image.getSize()).isEqualTo(2_429_747_200L);
        assertThat(old).isExactlyInstanceOf(ImageShowResponse.class);
        assertThat(old.getName()).isEqualTo("imagename");
    }
}
