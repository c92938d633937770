package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * With the server's clock before the spec's earliest Not Before date and default settings (retired
 * versions not served), every callable version of the spec is served, the DEPRECATED ones with
 * their deprecation headers.
 */
@SpringBootTest(classes = {ReferenceServerApplication.class, ReferenceClocks.BeforeAnyNotBefore.class},
        webEnvironment = WebEnvironment.RANDOM_PORT)
class AllVersionsServedBeforeNotBeforeIT {

    @LocalServerPort
    int port;

    static List<ScpServiceVersion> versions() {
        return SpecVersions.callable();
    }

    @Test
    void beforeAnyNotBeforeNoVersionIsRetired() {
        assertThat(SpecVersions.servedOn(ReferenceClocks.BEFORE_ANY_NOT_BEFORE))
                .containsExactlyInAnyOrderElementsOf(SpecVersions.callable());
    }

    @ParameterizedTest(name = "{0} is served; deprecated headers iff DEPRECATED")
    @MethodSource("versions")
    void everyVersionIsServed(ScpServiceVersion version) {
        HttpResponse<String> response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID),
                ReferenceServer.versionHeader(version), ReferenceClocks.BEFORE_ANY_NOT_BEFORE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(response.body())).isEqualTo(SpecVersions.expectedSeed(version));
        SpecVersions.example(version).ifPresent(example ->
                assertThat(ReferenceServer.json(response.body())).as("the vendor's example").isEqualTo(example));
        assertThat(response.headers().allValues("Scp-Api-Version")).containsExactly(version.headerValue());
        assertThat(response.headers().firstValue("Deprecation").isPresent()).isEqualTo(version.isDeprecated());
        assertThat(response.headers().firstValue("Sunset").isPresent()).isEqualTo(version.isDeprecated());
    }
}
