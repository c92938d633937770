package io.github.scptoolkit.image.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * The build's training run (TrainingRun) reaches what a start is judged by and a first call does:
 * the health endpoint UP, every GET operation of the spec answered (a signed one refused unsigned
 * with its 401), none with a 5xx. A run whose server does not answer fails instead of writing an
 * archive of nothing, and the build's training run turns it on. Off by default: this test's
 * emulator, without the property, keeps running.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
class TrainingRunTest {

    @Autowired
    TrainingRun training;

    @Test
    void asksForTheHealthEndpointAndEveryGetOperationOfTheSpec() {
        List<String> expected = new ArrayList<>(List.of("200 /actuator/health"));
        for (ScpOperation op : ScpApi.operations()) {
            if (op.method().equals("GET")) {
                int status = op.signed() ? ScpProblemCode.MISSING_AUTH_HEADERS.status() : 200;
                expected.add(status + " " + op.path().replaceAll("\\{[^}]+}", "training-run"));
            }
        }
        assertThat(training.exercise()).containsExactlyElementsOf(expected);
    }

    @Test
    void theBuildsTrainingRunTurnsItOn() throws Exception {
        assertThat(Files.readString(Path.of("pom.xml")))
                .as("reference-server/pom.xml's training run (execution emulator-cds-archive)")
                .contains("<argument>--" + TrainingRun.PROPERTY + "=true</argument>");
    }

    @Test
    void failsWhenTheServerDoesNotAnswer() {
        MockEnvironment portOne = new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("local.server.port", "1");
        TrainingRun elsewhere = new TrainingRun(new EndpointCatalog(new EmulatorProperties(), portOne),
                new StaticListableBeanFactory().getBeanProvider(PathMappedEndpoints.class));
        assertThatIllegalStateException().isThrownBy(elsewhere::exercise).withMessageContaining("did not answer");
    }
}
