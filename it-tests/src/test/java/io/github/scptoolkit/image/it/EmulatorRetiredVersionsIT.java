package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.cli.ScpImageCli;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The emulator as docs/emulator.md starts it: default settings and the real clock (the
 * DEPRECATED versions whose Not Before date has passed are retired). The served versions show the
 * seed image; the retired ones get a clear 400 RETIRED_API_VERSION, also through the CLI (exit 5,
 * code and detail printed).
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EmulatorRetiredVersionsIT {

    @LocalServerPort
    int port;

    static List<ScpServiceVersion> served() {
        return SpecVersions.servedOn(Clock.systemUTC());
    }

    static List<ScpServiceVersion> retired() {
        return SpecVersions.retiredOn(Clock.systemUTC());
    }

    @ParameterizedTest(name = "the CLI shows the seed image in {0}")
    @MethodSource("served")
    void servedVersionsShowTheSeedImage(ScpServiceVersion version) {
        CliIT.Run run = CliIT.run(CliIT.DEMO_ENV, "show", ReferenceServer.SEED_IMAGE_ID,
                "--endpoint", "http://127.0.0.1:" + port, "--api-version", version.getVersion());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json()).isEqualTo(SpecVersions.expectedSeed(version));
    }

    @ParameterizedTest(name = "{0} is refused", allowZeroInvocations = true)
    @MethodSource("retired")
    void retiredVersionsAreRefusedClearly(ScpServiceVersion version) {
        var raw = ReferenceServer.signedGet(port, ReferenceServer.imagePath(ReferenceServer.SEED_IMAGE_ID),
                ReferenceServer.versionHeader(version));
        CliIT.Run run = CliIT.run(CliIT.DEMO_ENV, "show", ReferenceServer.SEED_IMAGE_ID,
                "--endpoint", "http://127.0.0.1:" + port, "--api-version", version.getVersion());

        String detail = "Scp-Api-Version '" + version.headerValue() + "' is no longer supported: its Not Before date "
                + version.notBefore().orElseThrow() + " has arrived. Supported: " + SpecVersions.supportedList(served())
                + ".";
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(ReferenceServer.json(raw.body()).get("code").asText()).isEqualTo("RETIRED_API_VERSION");
        assertThat(ReferenceServer.json(raw.body()).get("detail").asText()).isEqualTo(detail);
        assertThat(run.exit()).isEqualTo(ScpImageCli.HTTP_ERROR).isEqualTo(5);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: HTTP 400 RETIRED_API_VERSION: " + detail);
    }
}
