package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import feign.Client;
import feign.FeignException;
import feign.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/** How every command reports a failed call: status to exit code, typed problem to message. */
class FailuresTest {

    @ParameterizedTest(name = "HTTP {0} exits {1}")
    @CsvSource({"404, 3", "401, 4", "403, 4", "400, 5", "409, 5", "500, 5", "502, 5", "-1, 6"})
    void exitCodePerClassOfError(int status, int exit) {
        assertThat(Failures.exitCode(status)).isEqualTo(exit);
    }

    /** The exception the real client throws for a response with this status and body. */
    private static FeignException clientError(int status, String contentType, String body) {
        Client answer = (request, options) -> Response.builder().status(status).reason("r").request(request)
                .headers(Map.<String, Collection<String>>of("Content-Type", List.of(contentType)))
                .body(body, StandardCharsets.UTF_8).build();
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:1")
                .credentials(ScpCredentials.of("k", "s")).maxAttempts(1).client(answer).build();
        try {
            client.showImage("x");
        } catch (FeignException e) {
            return e;
        }
        throw new AssertionError("no error for " + status);
    }

    private static FeignException clientError(int status, String body) {
        return clientError(status, "application/problem+json", body);
    }

    private static String problem(ScpProblemCode code, String detail) {
        return "{\"status\":" + code.status() + ",\"code\":\"" + code.code() + "\",\"detail\":\"" + detail + "\"}";
    }

    @Test
    void typedProblemGivesCodeAndDetail() {
        assertThat(Failures.describe(clientError(404, problem(ScpProblemCode.IMAGE_NOT_FOUND, "No image."))))
                .isEqualTo("error: HTTP 404 IMAGE_NOT_FOUND: No image.");
        assertThat(Failures.describe(clientError(403, problem(ScpProblemCode.ACTION_NOT_ALLOWED, "Nope."))))
                .isEqualTo("error: HTTP 403 ACTION_NOT_ALLOWED: Nope.");
    }

    @Test
    void bodyThatIsNoProblemKeepsTheStatus() {
        assertThat(Failures.describe(clientError(400, "<html>Bad request</html>")))
                .isEqualTo("error: HTTP 400: the server sent no problem details");
        assertThat(Failures.describe(clientError(500, "")))
                .isEqualTo("error: HTTP 500: the server sent no problem details");
    }

    @Test
    void a200MissingARequiredFieldSaysWhichAndExits5() {
        StringWriter err = new StringWriter();

        int exit = Failures.report(clientError(200, "application/json", "{}"), new PrintWriter(err, true), "http://127.0.0.1:1");

        assertThat(exit).isEqualTo(ScpImageCli.HTTP_ERROR);
        assertThat(err.toString()).startsWith("error: HTTP 200 but the answer is not what the spec says: [200] body is not "
                + "a valid Image for showImage in " + io.github.scptoolkit.image.spec.ScpServiceVersion.getLatest().headerValue()
                + ": required field '").doesNotContain("\tat ");
    }

    @Test
    void aCallThatOutlivesTheCallTimeoutSaysSoAndExits6() {
        Client slow = (request, options) -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.io.IOException("too late");
        };
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:1").credentials(ScpCredentials.of("k", "s"))
                .callTimeout(java.time.Duration.ofMillis(300)).client(slow).build();
        FeignException thrown;
        try {
            client.showImage("x");
            throw new AssertionError("no error");
        } catch (FeignException e) {
            thrown = e;
        }
        StringWriter err = new StringWriter();

        int exit = Failures.report(thrown, new PrintWriter(err, true), "http://127.0.0.1:1");

        assertThat(exit).isEqualTo(ScpImageCli.IO_ERROR);
        assertThat(err.toString()).startsWith("error: no complete answer from http://127.0.0.1:1: call timed out: callTimeout 300 ms passed")
                .doesNotContain("\tat ").doesNotContain("Scp-Signature");
    }

    @Test
    void novaAndOpenStackErrorBodiesGiveTheirCodeAndDetail() {
        assertThat(Failures.describe(clientError(404, "application/json", "{\"itemNotFound\": {\"code\": 404, \"message\": \"Gone.\"}}")))
                .isEqualTo("error: HTTP 404 itemNotFound: Gone.");
        assertThat(Failures.describe(clientError(400, "application/json", "{\"errors\": [{\"code\": \"image.bad\", \"detail\": \"Bad.\"}]}")))
                .isEqualTo("error: HTTP 400 image.bad: Bad.");
    }

    @Test
    void a200ThatIsNotTheDeclaredJsonSaysSoAndExits5() {
        StringWriter err = new StringWriter();

        int exit = Failures.report(clientError(200, "application/json", "null"), new PrintWriter(err, true), "http://127.0.0.1:1");

        assertThat(exit).isEqualTo(ScpImageCli.HTTP_ERROR);
        assertThat(err.toString()).startsWith("error: HTTP 200 but the answer is not what the spec says: [200] body is null");
    }
}
