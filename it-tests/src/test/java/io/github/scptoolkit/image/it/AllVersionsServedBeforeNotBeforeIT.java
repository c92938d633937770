package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * With the server's clock at 2025-06-01 and default settings (retired versions not served), every
 * version is before its Not Before date: all four are served, the deprecated ones with their
 * deprecation headers.
 */
@SpringBootTest(classes = {ReferenceServerApplication.class, ReferenceClocks.BeforeAnyNotBefore.class},
        webEnvironment = WebEnvironment.RANDOM_PORT)
class AllVersionsServedBeforeNotBeforeIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} is served; deprecated={1}")
    @CsvSource({"1.0, true", "1.1, true", "1.2, false", "1.3, false"})
    void everyVersionIsServed(String version, boolean deprecated) {
        HttpResponse<String> response = ReferenceServer.signedGet(port, "/v1/images/" + SEED_IMAGE_ID,
                Map.of("Scp-Api-Version", "virtualserver " + version), ReferenceClocks.BEFORE_ANY_NOT_BEFORE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body())).isEqualTo(ReferenceServer.seedExample(version));
        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly("virtualserver " + version);
        assertThat(response.headers().firstValue("Deprecation").isPresent()).isEqualTo(deprecated);
        assertThat(response.headers().firstValue("Sunset").isPresent()).isEqualTo(deprecated);
    }
}
