package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpEndpointDiscoveryException;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpUnauthorizedException;
import io.github.scptoolkit.image.client.VersionCheck;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Endpoint discovery against the emulator on a random port, as SCP's tools do it: the client given
 * only the auth URL finds the emulator in its signed endpoint catalog (checked against the IAM
 * spec by the contract filter), prefers the requested region, falls back to the default one, and
 * names the auth URL when the catalog refuses it; the version check reads the found endpoint.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "scp.emulator.endpoints.additional[0].region=kr-east1",
    "scp.emulator.endpoints.additional[0].url=http://127.0.0.1:1",
    "scp.emulator.endpoints.additional[1].region=kr-west1",
    "scp.emulator.endpoints.additional[1].service-type=object-storage",
    "scp.emulator.endpoints.additional[1].url=http://127.0.0.1:2"})
class EndpointDiscoveryIT {

    @LocalServerPort
    int port;

    private String authUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    private ScpImageClient.Builder client(ScpCredentials credentials) {
        return ScpImageClient.builder().authUrl(authUrl()).configuration(ScpConfig.empty()).credentials(credentials)
                .maxAttempts(1);
    }

    @Test
    void theAuthUrlAloneFindsTheEmulatorInItsRegion() {
        ScpImageClient client = client(ReferenceServer.DEMO).region("kr-west1").build();

        assertThat(client.showImage(ReferenceServer.SEED_IMAGE_ID).getName()).isEqualTo("imagename");
        assertThat(client.endpoint()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(client.region()).contains("kr-west1");
    }

    @Test
    void theDefaultRegionAppliesWhenNoRegionIsAskedForAndTheRequestedRegionWins() {
        ScpImageClient byDefault = ScpImageClient.builder().authUrl(authUrl()).credentials(ReferenceServer.DEMO)
                .configuration(ScpConfig.empty().with(ScpConfig.Setting.DEFAULT_REGION, "kr-west1", "test")).build();
        ScpImageClient east = client(ReferenceServer.DEMO).region("kr-east1").build();

        assertThat(byDefault.endpoint()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(east.endpoint()).isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void aKeyTheCatalogRefusesNamesTheAuthUrlAndKeepsTheProblem() {
        ScpImageClient client = client(ScpCredentials.of("test", "not-the-secret")).region("kr-west1").build();

        ScpEndpointDiscoveryException e = catchThrowableOfType(ScpEndpointDiscoveryException.class,
                () -> client.showImage(ReferenceServer.SEED_IMAGE_ID));

        assertThat(e.getMessage()).startsWith("cannot read the endpoint catalog at " + authUrl() + " (region kr-west1")
                .doesNotContain("not-the-secret");
        assertThat(e.getCause()).isInstanceOfSatisfying(ScpUnauthorizedException.class,
                u -> assertThat(u.code()).isEqualTo("INVALID_SIGNATURE"));
    }

    @Test
    void theVersionCheckReadsTheFoundEndpointsDocument() {
        ScpImageClient client = client(ReferenceServer.DEMO).region("kr-west1")
                .serviceVersion(ScpServiceVersion.getLatest()).build();

        VersionCheck check = client.checkVersionSupport();

        assertThat(check.documented()).isTrue();
        assertThat(check.id()).isEqualTo(ScpServiceVersion.getLatest().id());
        assertThat(check.supportWarning(ScpApi.SERVICE + "(kr-west1)", 0)).isEmpty();
    }
}
