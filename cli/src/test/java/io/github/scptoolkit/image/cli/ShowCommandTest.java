package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import feign.Client;
import feign.FeignException;
import feign.Request;
import feign.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;

/** The CLI's pure parts: status to exit code, typed problem to message, credentials resolution. */
class ShowCommandTest {

    @ParameterizedTest(name = "HTTP {0} exits {1}")
    @CsvSource({"404, 3", "401, 4", "403, 4", "400, 5", "409, 5", "500, 5", "502, 5", "-1, 6"})
    void exitCodePerClassOfError(int status, int exit) {
        assertThat(ShowCommand.exitCode(status)).isEqualTo(exit);
    }

    /** The exception the real client throws for a response with this status and body. */
    private static FeignException clientError(int status, String body) {
        Client answer = (request, options) -> Response.builder().status(status).reason("r").request(request)
                .headers(Map.<String, Collection<String>>of("Content-Type", List.of("application/problem+json")))
                .body(body, StandardCharsets.UTF_8).build();
        ScpImageClient<?> client = ScpImageClient.builder().endpoint("http://127.0.0.1:1")
                .credentials(ScpCredentials.of("k", "s")).maxAttempts(1).client(answer).build();
        try {
            client.showImage("x");
        } catch (FeignException e) {
            return e;
        }
        throw new AssertionError("no error for " + status);
    }

    @Test
    void typedProblemGivesCodeAndDetail() {
        assertThat(ShowCommand.describe(clientError(404, "{\"status\":404,\"code\":\"IMAGE_NOT_FOUND\",\"detail\":\"No image.\"}")))
                .isEqualTo("error: HTTP 404 IMAGE_NOT_FOUND: No image.");
        assertThat(ShowCommand.describe(clientError(403, "{\"status\":403,\"code\":\"ACTION_NOT_ALLOWED\",\"detail\":\"Nope.\"}")))
                .isEqualTo("error: HTTP 403 ACTION_NOT_ALLOWED: Nope.");
    }

    @Test
    void bodyThatIsNoProblemKeepsTheStatus() {
        assertThat(ShowCommand.describe(clientError(400, "<html>Bad request</html>")))
                .isEqualTo("error: HTTP 400: the server sent no problem details");
        assertThat(ShowCommand.describe(clientError(500, "")))
                .isEqualTo("error: HTTP 500: the server sent no problem details");
    }

    @Test
    void credentialsComeFromOptionsThenEnvironmentAndHideTheSecret() {
        Map<String, String> env = Map.of("SCP_ACCESS_KEY", "env-key", "SCP_SECRET_KEY", "env-secret", "SCP_ACCOUNT_ID", "3c9d2e71b5a84f0e9d6c1a2b7e4f8d05");

        ScpCredentials fromEnv = Credentials.resolve(null, null, null, env).orElseThrow();
        ScpCredentials fromOptions = Credentials.resolve("opt-key", "opt-secret", null, env).orElseThrow();

        assertThat(fromEnv.accessKey()).isEqualTo("env-key");
        assertThat(fromEnv.accountId()).isEqualTo("3c9d2e71b5a84f0e9d6c1a2b7e4f8d05");
        assertThat(fromOptions.accessKey()).isEqualTo("opt-key");
        assertThat(fromOptions.secretKey()).isEqualTo("opt-secret");
        assertThat(fromOptions.toString()).doesNotContain("opt-secret");
        assertThat(Credentials.resolve(null, null, null, Map.of())).isEmpty();
        assertThatThrownBy(() -> Credentials.resolve("only-key", null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("only-key");
    }

    @Test
    void withoutCredentialsItIsAUsageErrorNamingTheVariables() {
        StringWriter err = new StringWriter();
        var cli = ScpImageCli.commandLine(Map.of());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute("show", "70a599e0-31e7-49b7-b260-868f441e862b", "--endpoint", "http://127.0.0.1:1");

        assertThat(exit).isEqualTo(ScpImageCli.USAGE);
        assertThat(err.toString()).contains("no credentials").contains("SCP_ACCESS_KEY").contains("SCP_SECRET_KEY");
    }

    @Test
    void anAccountIdOutsideTheSyntaxOrAnEndpointWithAPasswordIsAUsageErrorThatEchoesNoSecret() {
        for (String[] args : List.of(
                new String[] {"--account-id", "proj1", "--endpoint", "http://127.0.0.1:1"},
                new String[] {"--endpoint", "http://user:pa55word@127.0.0.1:1"})) {
            StringWriter err = new StringWriter();
            var cli = ScpImageCli.commandLine(Map.of());
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));
            List<String> all = new java.util.ArrayList<>(List.of("show", "70a599e0-31e7-49b7-b260-868f441e862b",
                    "--access-key", "k", "--secret-key", "s3cr3t-value"));
            all.addAll(List.of(args));

            int exit = cli.execute(all.toArray(String[]::new));

            assertThat(exit).isEqualTo(ScpImageCli.USAGE);
            assertThat(err.toString()).doesNotContain("pa55word", "s3cr3t-value")
                    .containsAnyOf("32 lower-case hexadecimal", "user info");
        }
    }
}
