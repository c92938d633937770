package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * {@code show} against a hostile server, one row per answer of the table ({@code null},
 * {@code {}}, a required field missing or null, an empty timestamp, Nova, OpenStack and
 * {@code {"error": ...}} error bodies, the server's answer to an ambiguous version header): the
 * documented exit code, one {@code error:} line on stderr, nothing on stdout, no stack trace and
 * no secret; and a body drip-fed past {@code --timeout} (the client's call timeout): exit 6.
 */
class HostileServerTest {

    private static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String SECRET = "s3cret-never-printed";
    private static final Map<String, String> ENV = Map.of("SCP_ACCESS_KEY", "test", "SCP_SECRET_KEY", SECRET);
    /** An image with every field any version requires. */
    private static final String IMAGE = """
            {"id": "70a599e0-31e7-49b7-b260-868f441e862b", "name": "imagename", "min_disk": 100, "min_ram": 0,
             "container_format": "bare", "disk_format": "qcow2", "file": "/v2/images/x/file", "os_hidden": false,
             "owner": "a8f10467abfc4b87b64614ab36eb9ae4", "protected": false, "status": "active", "visibility": "private",
             "created_at": "2025-07-22T09:00:00Z", "updated_at": "2025-07-26T12:00:00Z", "scp_gpu_driver": null}""";
    private static final String JSON = "application/json";

    static Stream<Arguments> answers() {
        String current = ScpServiceVersion.getLatest().headerValue();
        ScpProblemCode unsupported = ScpProblemCode.UNSUPPORTED_API_VERSION;
        String ambiguous = "{\"status\": 400, \"code\": \"" + unsupported.code() + "\", \"detail\": \""
                + ScpApi.VERSION_HEADER + " is ambiguous: it was sent with different values ('" + current + "', '"
                + ScpApi.SERVICE + " 9.9'). Send one version.\"}";
        return Stream.of(
                Arguments.of("200 null", 200, JSON, "null", ScpImageCli.HTTP_ERROR, "body is null"),
                Arguments.of("200 {}", 200, JSON, "{}", ScpImageCli.HTTP_ERROR, "required field"),
                Arguments.of("200 without owner", 200, JSON, IMAGE.replace("\"owner\": \"a8f10467abfc4b87b64614ab36eb9ae4\", ", ""),
                        ScpImageCli.HTTP_ERROR, "'owner'"),
                Arguments.of("200 with a null name", 200, JSON, IMAGE.replace("\"imagename\"", "null"),
                        ScpImageCli.HTTP_ERROR, "'name'"),
                Arguments.of("200 with an empty created_at", 200, JSON, IMAGE.replace("\"2025-07-22T09:00:00Z\"", "\"\""),
                        ScpImageCli.HTTP_ERROR, "created_at"),
                Arguments.of("200 that is an array", 200, JSON, "[]", ScpImageCli.HTTP_ERROR, "not what the spec says"),
                Arguments.of("Nova 400", 400, JSON, "{\"badRequest\": {\"code\": 400, \"message\": \"Bad thing.\"}}",
                        ScpImageCli.HTTP_ERROR, "error: HTTP 400 badRequest: Bad thing."),
                Arguments.of("Nova 404", 404, JSON, "{\"itemNotFound\": {\"code\": 404, \"message\": \"Gone.\"}}",
                        ScpImageCli.NOT_FOUND, "error: HTTP 404 itemNotFound: Gone."),
                Arguments.of("OpenStack errors[] 400", 400, JSON,
                        "{\"errors\": [{\"code\": \"image.bad\", \"detail\": \"Bad.\"}]}", ScpImageCli.HTTP_ERROR,
                        "error: HTTP 400 image.bad: Bad."),
                Arguments.of("{\"error\": ...} 403", 403, JSON, "{\"error\": {\"code\": \"Forbidden\", \"message\": \"No.\"}}",
                        ScpImageCli.NOT_AUTHORIZED, "No."),
                Arguments.of("HTML 502", 502, "text/html", "<html><body>Bad Gateway</body></html>",
                        ScpImageCli.HTTP_ERROR, "error: HTTP 502"),
                Arguments.of("ambiguous version header refused", 400, "application/problem+json", ambiguous,
                        ScpImageCli.HTTP_ERROR, "error: HTTP 400 " + unsupported.code() + ": " + ScpApi.VERSION_HEADER
                                + " is ambiguous"));
    }

    @Test
    void aBodyDripFedPastTheCallTimeoutIsReportedAsNoCompleteAnswer() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread drip = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    socket.getInputStream().read(new byte[8192]);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + IMAGE.length()
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    for (byte b : IMAGE.getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the client hung up at its deadline
                }
            });
            drip.setDaemon(true);
            drip.start();
            String endpoint = "http://127.0.0.1:" + listener.getLocalPort();
            long start = System.nanoTime();

            CliRun run = CliRun.run(ENV, "show", ID, "--endpoint", endpoint, "--timeout", "1s", "--retries", "0");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("ended near its deadline").isLessThan(Duration.ofSeconds(10));
            assertThat(run.exit()).as(run.err()).isEqualTo(ScpImageCli.IO_ERROR);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("error: no complete answer from ").contains("--timeout")
                    .doesNotContain("\tat ", SECRET, "Scp-Signature:");
        }
    }

    @ParameterizedTest(name = "{0} exits {4}")
    @MethodSource("answers")
    void aHostileAnswerIsOneErrorLineAndADocumentedExitCode(String name, int status, String contentType, String body,
            int exit, String said) throws Exception {
        try (LocalServer server = new LocalServer(status, contentType, body, Map.of())) {
            CliRun run = CliRun.run(ENV, "show", ID, "--endpoint", server.url());

            assertThat(run.exit()).as(run.err()).isEqualTo(exit);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("error: ").contains(said).doesNotContain("\tat ", "java.", "feign.", SECRET)
                    .doesNotContain(server.received.get(0).header("Scp-Signature"));
            assertThat(run.err().strip().lines()).hasSize(1);
        }
    }
}
