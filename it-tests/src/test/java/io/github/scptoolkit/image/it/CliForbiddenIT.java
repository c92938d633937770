package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.cli.ScpImageCli;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/** The demo key without virtualserver:ShowImage (test-noaction): a 403 problem, and the CLI exits 4 with its code. */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class CliForbiddenIT {

    @LocalServerPort
    int port;

    @Test
    void keyWithoutTheActionIsA403AndTheCliExits4() {
        var raw = ReferenceServer.signedGet(port, ReferenceServer.imagePath(ReferenceServer.SEED_IMAGE_ID), Map.of(),
                new ScpSigner(ScpCredentials.of("test-noaction", "test-noaction")));
        CliIT.Run run = CliIT.run(Map.of(), "show", ReferenceServer.SEED_IMAGE_ID, "--endpoint", "http://127.0.0.1:" + port,
                "--access-key", "test-noaction", "--secret-key", "test-noaction");

        assertThat(raw.statusCode()).isEqualTo(403);
        assertThat(raw.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(ReferenceServer.json(raw.body()).get("code").asText()).isEqualTo("ACTION_NOT_ALLOWED");
        assertThat(run.exit()).isEqualTo(ScpImageCli.NOT_AUTHORIZED).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: HTTP 403 ACTION_NOT_ALLOWED: The access key is not allowed to perform virtualserver:ShowImage.");
    }
}
