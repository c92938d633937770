package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * With signature checks off ({@code --scp.auth.enabled=false}, docs/emulator.md's curl mode) there is no
 * signer, so every request acts as {@code scp.emulator.anonymous-access-key}: by default the first
 * tenant, {@code test}.
 */
class EmulatorWithoutSignaturesIT {

    static final String SEED = ReferenceServer.SEED_IMAGE_ID;
    static final String PRIVATE_TO_B = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";

    @Nested
    @SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
            properties = "scp.auth.enabled=false")
    @InvalidRequests // unsigned by design: signature checks are off (or the test proves they are on)
    class ByDefault {
        @LocalServerPort
        int port;

        @Test
        void unsignedRequestsActAsTheDemoTenant() {
            // docs/emulator.md: curl -H 'Scp-Api-Version: virtualserver 1.x' http://127.0.0.1:8080/v1/images/<seed>
            ScpServiceVersion version = SpecVersions.current();
            var seed = ReferenceServer.get(port, ReferenceServer.imagePath(SEED), ReferenceServer.versionHeader(version));
            var other = ReferenceServer.get(port, ReferenceServer.imagePath(PRIVATE_TO_B), Map.of());

            assertThat(seed.statusCode()).isEqualTo(200);
            assertThat(ReferenceServer.json(seed.body())).isEqualTo(SpecVersions.expectedSeed(version));
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }

    @Nested
    @SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
            properties = {"scp.auth.enabled=false", "scp.emulator.anonymous-access-key=test-b"})
    @InvalidRequests // unsigned by design: signature checks are off (or the test proves they are on)
    class AsAnotherTenant {
        @LocalServerPort
        int port;

        @Test
        void theAnonymousKeyChoosesTheTenant() {
            assertThat(ReferenceServer.get(port, ReferenceServer.imagePath(SEED), Map.of()).statusCode()).isEqualTo(404);
            assertThat(ReferenceServer.get(port, ReferenceServer.imagePath(PRIVATE_TO_B), Map.of()).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
            properties = "scp.emulator.anonymous-access-key=test-b")
    @InvalidRequests // unsigned by design: signature checks are off (or the test proves they are on)
    class WithChecksOn {
        @LocalServerPort
        int port;

        @Test
        void theAnonymousKeyIsNeverUsed() {
            assertThat(ReferenceServer.get(port, ReferenceServer.imagePath(PRIVATE_TO_B), Map.of()).statusCode()).isEqualTo(401);
            assertThat(ReferenceServer.signedGet(port, ReferenceServer.imagePath(PRIVATE_TO_B), Map.of()).statusCode())
                    .as("signed by test, not acting as test-b").isEqualTo(404);
        }
    }
}
