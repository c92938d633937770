package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Every failure says what happened, with the exit code of its class, against a real local server:
 * problems of any status with their code, decode failures naming the field or the JSON error,
 * "retried" only when the call was, an answer that cannot be read is not "no answer", the whole
 * call bounded by {@code --timeout}; and never a stack trace.
 */
class FailuresTest {

    private static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final Map<String, String> DEMO_ENV = Map.of("SCP_ACCESS_KEY", "test", "SCP_SECRET_KEY", "test");

    @ParameterizedTest(name = "HTTP {0} exits {1}")
    @CsvSource({"404, 3", "401, 4", "403, 4", "400, 5", "409, 5", "500, 5", "502, 5", "-1, 6"})
    void exitCodePerClassOfError(int status, int exit) {
        assertThat(Failures.exitCode(status)).isEqualTo(exit);
    }

    private static String problem(ScpProblemCode code, String detail) {
        return "{\"status\":" + code.status() + ",\"code\":\"" + code.code() + "\",\"detail\":\"" + detail + "\"}";
    }

    private static CliRun show(LocalServer server, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "show";
        args[1] = ID;
        args[2] = "--endpoint";
        args[3] = server.url();
        System.arraycopy(more, 0, args, 4, more.length);
        CliRun run = CliRun.run(DEMO_ENV, args);
        assertThat(run.all()).as("no stack trace").doesNotContain("\tat ", "Exception:", "Exception in");
        return run;
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({"404, IMAGE_NOT_FOUND, 3", "403, ACTION_NOT_ALLOWED, 4", "406, NOT_ACCEPTABLE, 5", "500, INTERNAL_ERROR, 5",
        "405, METHOD_NOT_ALLOWED, 5"})
    void aProblemOfAnyStatusIsShownWithItsCodeAndDetail(int status, String code, int exit) throws Exception {
        try (LocalServer server = new LocalServer(status, "application/problem+json",
                problem(ScpProblemCode.fromCode(code).orElseThrow(), "What went wrong."), Map.of())) {
            CliRun run = show(server);

            assertThat(run.exit()).isEqualTo(exit);
            assertThat(run.err()).isEqualTo("error: HTTP " + status + " " + code + ": What went wrong." + System.lineSeparator());
        }
    }

    @Test
    void aBodyThatIsNoProblemKeepsTheStatusAndSaysWhatCame() throws Exception {
        try (LocalServer html = new LocalServer(502, "text/html", "<html>Bad gateway</html>", Map.of());
                LocalServer empty = new LocalServer(500, "application/json", "", Map.of())) {
            assertThat(show(html, "--retries", "0").err()).startsWith("error: HTTP 502: the server sent no problem details"
                    + " (text/html, 24 bytes) (not retried: --retries 0)");
            assertThat(show(empty).err()).startsWith("error: HTTP 500: the server sent no problem details (empty body)");
        }
    }

    @Test
    void a200WithAFieldOfTheWrongTypeNamesTheField() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json",
                // every required field present (the client checks those first), one of the wrong type
                ("{'id': '" + ID + "', 'name': 'n', 'min_disk': 'lots', 'min_ram': 0, 'container_format': 'bare',"
                        + " 'disk_format': 'qcow2', 'file': '/f', 'os_hidden': false, 'owner': 'o', 'protected': false,"
                        + " 'status': 'active', 'visibility': 'private', 'created_at': '2025-07-22T09:00:00Z',"
                        + " 'updated_at': '2025-07-26T12:00:00Z', 'scp_gpu_driver': null}").replace('\'', '"'), Map.of())) {
            CliRun run = show(server);

            assertThat(run.exit()).isEqualTo(ScpImageCli.HTTP_ERROR);
            assertThat(run.err()).startsWith("error: HTTP 200 but the answer is not what the spec says: field 'min_disk': ")
                    .contains("(line 1, column");
        }
    }

    @Test
    void a200ThatIsNotJsonGivesTheJsonError() throws Exception {
        try (LocalServer truncated = new LocalServer(200, "application/json", "{\"id\": \"" + ID, Map.of());
                LocalServer empty = new LocalServer(200, "application/json", "", Map.of());
                LocalServer array = new LocalServer(200, "application/json", "[1]", Map.of())) {
            assertThat(show(truncated).err()).startsWith("error: HTTP 200 but the answer is not what the spec says:"
                    + " not valid JSON (line 1, column");
            assertThat(show(empty).err()).startsWith("error: HTTP 200 but the answer is not what the spec says: empty body");
            CliRun notAnObject = show(array);
            assertThat(notAnObject.err()).contains("not a JSON object");
            assertThat(notAnObject.exit()).isEqualTo(ScpImageCli.HTTP_ERROR);
        }
    }

    @Test
    void a429AnsweredAtOnceIsNotSaidToBeRetried() throws Exception {
        try (LocalServer server = new LocalServer(429, "application/problem+json",
                "{\"status\":429,\"code\":\"TOO_MANY_REQUESTS\",\"detail\":\"Slow down.\"}", Map.of("Retry-After", "120"))) {
            CliRun run = show(server);

            assertThat(server.received).hasSize(1);
            assertThat(run.exit()).isEqualTo(ScpImageCli.HTTP_ERROR);
            assertThat(run.err()).startsWith("error: HTTP 429 TOO_MANY_REQUESTS: Slow down. (not retried: the server asked to"
                    + " wait 12").contains("longer than the client waits").doesNotContain("(retried");
        }
    }

    @Test
    void a503ThatKeepsFailingSaysHowOftenItWasTried() throws Exception {
        try (LocalServer server = new LocalServer(503, "application/problem+json",
                "{\"status\":503,\"code\":\"UNAVAILABLE\",\"detail\":\"Down.\"}", Map.of())) {
            CliRun run = show(server, "--retries", "2");

            assertThat(server.received).hasSize(3);
            assertThat(run.err()).isEqualTo("error: HTTP 503 UNAVAILABLE: Down. (retried: 3 attempts)" + System.lineSeparator());
        }
    }

    @Test
    void aBodyThatIsNotTheGzipItsHeaderSaysIsAnAnswerNotNoAnswer() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json", "{\"id\": \"x\"}",
                Map.of("Content-Encoding", "gzip"))) {
            CliRun run = show(server, "--retries", "0");

            assertThat(run.exit()).isEqualTo(ScpImageCli.HTTP_ERROR);
            assertThat(run.err()).startsWith("error: the server at " + server.url() + "/v1/images/" + ID
                    + " answered, but its body is not the compressed data its Content-Encoding header announces")
                    .doesNotContain("no answer");
        }
    }

    @Test
    void aBodyCutShortIsAnAnswerThatCouldNotBeReadWhole() throws Exception {
        // A raw server: headers announcing 100 bytes, 10 of them, then the connection is closed.
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (java.net.Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[8192]);
                    client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n{\"id\": \"x\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                } catch (java.io.IOException e) {
                    // the test fails on the CLI's output
                }
            });
            server.start();
            String url = "http://127.0.0.1:" + socket.getLocalPort();
            CliRun run = CliRun.run(DEMO_ENV, "show", ID, "--endpoint", url, "--retries", "0");
            server.join(5_000);

            assertThat(run.exit()).isEqualTo(ScpImageCli.IO_ERROR);
            assertThat(run.err()).isEqualTo("error: HTTP 200 from " + url + "/v1/images/" + ID
                    + ", but its body could not be read whole: connection closed after 10 of 100 body bytes"
                    + System.lineSeparator());
        }
    }

    @Test
    void noServerIsNoAnswer() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun run = CliRun.run(DEMO_ENV, "show", ID, "--endpoint", "http://127.0.0.1:" + closed, "--retries", "1");

        assertThat(run.exit()).isEqualTo(ScpImageCli.IO_ERROR);
        assertThat(run.err()).isEqualTo("error: no answer from http://127.0.0.1:" + closed + "/v1/images/" + ID
                + ": connection refused (retried: 2 attempts)" + System.lineSeparator());
    }

    @Test
    void timeoutIsADeadlineForTheWholeCall() throws Exception {
        // the server would answer after 10 s: ending (well) before that is the deadline's doing, however loaded the machine
        try (LocalServer server = new LocalServer(new LocalServer.Answer(200, "application/json", "{}", Map.of(), -1, 10_000))) {
            Instant start = Instant.now();
            CliRun run = show(server, "--timeout", "1s");

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
            assertThat(run.exit()).isEqualTo(ScpImageCli.IO_ERROR);
            assertThat(run.err()).startsWith("error: no ").contains("within --timeout 1s");
        }
    }
}
