package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Usage: {@code -V} everywhere, bad URLs and ports as usage errors (exit 2) without a stack trace,
 * no secret or password ever repeated (a mistyped option's value, user info in URLs), shell
 * completion.
 */
class UsageTest {

    private static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final Map<String, String> DEMO_ENV = Map.of("SCP_ACCESS_KEY", "test", "SCP_SECRET_KEY", "test");

    private static void noStackTrace(CliRun run) {
        assertThat(run.all()).doesNotContain("\tat ", "Exception", "picocli.");
    }

    @ParameterizedTest(name = "{0} -V")
    @ValueSource(strings = {"", "show", "versions", "completion"})
    void dashCapitalVPrintsTheVersionEverywhere(String command) {
        CliRun run = command.isEmpty() ? CliRun.run(DEMO_ENV, "-V") : CliRun.run(DEMO_ENV, command, "-V");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("scp-image ").doesNotContain("${project.version}", "unknown version")
                .contains("CURRENT " + ScpServiceVersion.getLatest().getVersion());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:99999", "http://127.0.0.1:0", "http://127.0.0.1:port", "ftp://127.0.0.1",
        "not a url", "127.0.0.1:8080"})
    void anUnusableEndpointIsAUsageErrorWithoutAStackTrace(String endpoint) {
        for (String command : new String[] {"show", "versions"}) {
            CliRun run = command.equals("show") ? CliRun.run(DEMO_ENV, command, ID, "--endpoint", endpoint)
                    : CliRun.run(DEMO_ENV, command, "--endpoint", endpoint);

            assertThat(run.exit()).as(run.err()).isEqualTo(ScpImageCli.USAGE);
            assertThat(run.err()).startsWith("error: ").contains("--endpoint");
            noStackTrace(run);
        }
    }

    @Test
    void anOutOfRangePortSaysSo() {
        assertThat(CliRun.run(DEMO_ENV, "show", ID, "--endpoint", "http://127.0.0.1:99999").err())
                .contains("port 99999 is out of range (1-65535)");
    }

    @Test
    void aPasswordInAUrlIsRefusedAndNeverRepeated() {
        CliRun endpoint = CliRun.run(DEMO_ENV, "show", ID, "--endpoint", "http://alice:hunter2@127.0.0.1:8080");
        CliRun authUrl = CliRun.run(DEMO_ENV, "versions", "--auth-url=https://alice:hunter2@iam.example/v1");
        CliRun fromEnv = CliRun.run(Map.of("SCP_ACCESS_KEY", "test", "SCP_SECRET_KEY", "test",
                "SCP_ENDPOINT", "http://alice:hunter2@127.0.0.1:8080"), "show", ID);

        for (CliRun run : new CliRun[] {endpoint, authUrl, fromEnv}) {
            assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
            assertThat(run.all()).contains("a URL with a user name or password is not accepted").doesNotContain("hunter2");
            noStackTrace(run);
        }
        assertThat(fromEnv.err()).contains("endpoint-override (from environment variable SCP_ENDPOINT)");
    }

    @Test
    void aMistypedOptionNeverRepeatsItsValue() {
        CliRun spaced = CliRun.run(DEMO_ENV, "show", ID, "--secret-kye", "S3cr3t");
        CliRun joined = CliRun.run(DEMO_ENV, "show", ID, "--secret-kye=S3cr3t");

        for (CliRun run : new CliRun[] {spaced, joined}) {
            assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
            assertThat(run.err()).contains("unknown option '--secret-kye'").contains("--secret-key").doesNotContain("S3cr3t");
            noStackTrace(run);
        }
        assertThat(spaced.err()).contains("1 unexpected argument (not repeated here");
    }

    @Test
    void noMessageRepeatsTheValueOfASecretOption() {
        CliRun run = CliRun.run(Map.of(), "show", ID, "--secret-key", "S3cr3t", "--secret-key", "S3cr3t-again");

        assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
        assertThat(run.all()).doesNotContain("S3cr3t");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--timeout=0", "--timeout=soon", "--connect-timeout=-1s", "--retries=-1", "--retries=11",
        "--retries=x", "-f=xml", "--max-remain-days=-1"})
    void badNumbersAreUsageErrors(String option) {
        CliRun run = CliRun.run(DEMO_ENV, "versions", "--endpoint", "http://127.0.0.1:1", option);

        assertThat(run.exit()).as(run.err()).isEqualTo(ScpImageCli.USAGE);
        noStackTrace(run);
    }

    @Test
    void completionPrintsABashScriptForEveryCommandAndOption() {
        CliRun run = CliRun.run(Map.of(), "completion");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("complete -F _complete_scp-image", "show", "versions", "--auth-url", "--format");
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CliRun run = CliRun.run(Map.of(), "--help");

        assertThat(run.out()).contains("show", "versions", "completion", "Exit codes:", "6", "no (whole) answer");
    }
}
