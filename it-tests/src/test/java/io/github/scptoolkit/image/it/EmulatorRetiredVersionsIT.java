package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.cli.ScpImageCli;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * The emulator as README's first screen starts it: default settings and the real clock (on or after
 * 2026-05-31 1.0 and 1.1 are retired). The served versions show the seed image; the retired ones
 * get a clear 400 RETIRED_API_VERSION, also through the CLI (exit 5, code and detail printed).
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EmulatorRetiredVersionsIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "the CLI shows the seed image in {0}")
    @ValueSource(strings = {"1.2", "1.3"})
    void servedVersionsShowTheSeedImage(String version) {
        CliIT.Run run = CliIT.run(CliIT.DEMO_ENV, "show", ReferenceServer.SEED_IMAGE_ID,
                "--endpoint", "http://127.0.0.1:" + port, "--api-version", version);

        assertThat(run.exit()).isZero();
        assertThat(run.json()).isEqualTo(ReferenceServer.seedExample(version));
    }

    @ParameterizedTest(name = "{0} (Not Before {1}) is refused")
    @CsvSource({"1.0, 2025-12-31", "1.1, 2026-05-31"})
    void retiredVersionsAreRefusedClearly(String version, String notBefore) {
        var raw = ReferenceServer.signedGet(port, "/v1/images/" + ReferenceServer.SEED_IMAGE_ID,
                Map.of("Scp-Api-Version", "virtualserver " + version));
        CliIT.Run run = CliIT.run(CliIT.DEMO_ENV, "show", ReferenceServer.SEED_IMAGE_ID,
                "--endpoint", "http://127.0.0.1:" + port, "--api-version", version);

        String detail = "Scp-Api-Version 'virtualserver " + version + "' is no longer supported: its Not Before date "
                + notBefore + " has arrived. Supported: virtualserver 1.3, virtualserver 1.2.";
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(ReferenceServer.json(raw.body()).get("code").asText()).isEqualTo("RETIRED_API_VERSION");
        assertThat(ReferenceServer.json(raw.body()).get("detail").asText()).isEqualTo(detail);
        assertThat(run.exit()).isEqualTo(ScpImageCli.HTTP_ERROR).isEqualTo(5);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: HTTP 400 RETIRED_API_VERSION: " + detail);
    }
}
