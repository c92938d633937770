package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import feign.FeignException;
import feign.Request;
import feign.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI's pure parts: status to exit code, problem to message, credentials resolution. */
class ShowCommandTest {

    @ParameterizedTest(name = "HTTP {0} exits {1}")
    @CsvSource({"404, 3", "401, 4", "403, 4", "400, 5", "409, 5", "500, 5", "502, 5", "-1, 6"})
    void exitCodePerClassOfError(int status, int exit) {
        assertThat(ShowCommand.exitCode(status)).isEqualTo(exit);
    }

    private static FeignException error(int status, String body) {
        Request request = Request.create(Request.HttpMethod.GET, "http://127.0.0.1/v1/images/x", Map.of(), null,
                StandardCharsets.UTF_8, null);
        Response response = Response.builder().status(status).reason("r").request(request).headers(Map.of())
                .body(body, StandardCharsets.UTF_8).build();
        return FeignException.errorStatus("showImage", response);
    }

    @Test
    void problemBodyGivesCodeAndDetail() {
        assertThat(ShowCommand.describe(error(404, "{\"code\":\"IMAGE_NOT_FOUND\",\"detail\":\"No image.\"}")))
                .isEqualTo("error: HTTP 404 IMAGE_NOT_FOUND: No image.");
    }

    @Test
    void nonJsonBodyKeepsTheStatus() {
        assertThat(ShowCommand.describe(error(502, "<html>Bad gateway</html>")))
                .isEqualTo("error: HTTP 502: the server sent no problem details");
        assertThat(ShowCommand.describe(error(503, "")))
                .isEqualTo("error: HTTP 503: the server sent no problem details");
    }

    @Test
    void credentialsComeFromOptionsThenEnvironmentAndHideTheSecret() {
        Map<String, String> env = Map.of("SCP_ACCESS_KEY", "env-key", "SCP_SECRET_KEY", "env-secret", "SCP_ACCOUNT_ID", "acct");

        Credentials fromEnv = Credentials.resolve(null, null, null, env).orElseThrow();
        Credentials fromOptions = Credentials.resolve("opt-key", "opt-secret", null, env).orElseThrow();

        assertThat(fromEnv.accessKey()).isEqualTo("env-key");
        assertThat(fromEnv.accountId()).contains("acct");
        assertThat(fromOptions.accessKey()).isEqualTo("opt-key");
        assertThat(fromOptions.secretKey()).isEqualTo("opt-secret");
        assertThat(fromOptions.toString()).doesNotContain("opt-secret").contains("***");
        assertThat(Credentials.resolve(null, null, null, Map.of())).isEmpty();
        assertThatThrownBy(() -> Credentials.resolve("only-key", null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("only-key");
    }
}
