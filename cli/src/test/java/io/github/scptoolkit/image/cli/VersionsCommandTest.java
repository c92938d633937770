package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/** {@code versions}: the versions document, unsigned, one line per version; failures exit as documented. */
class VersionsCommandTest {

    /** 2026-01-01 09:00 in Seoul. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static String entry(String id, String status, String notBefore) {
        return "{\"id\": \"" + id + "\", \"status\": \"" + status + "\", \"not_before\": "
                + (notBefore == null ? "null" : "\"" + notBefore + "\"") + ", \"links\": [{\"href\": \"x\", \"rel\": \"self\"}]}";
    }

    private static String document(String... entries) {
        return "{\"versions\": [" + String.join(", ", entries) + "]}";
    }

    @Test
    void printsEachVersionWithStatusNotBeforeAndDaysLeftMarkingTheCurrentOne() throws Exception {
        String current = ScpServiceVersion.getLatest().id();
        String body = document(entry(current, "CURRENT", null), entry("v9.8", "SUPPORTED", "2026-03-01"),
                entry("v9.7", "DEPRECATED", "2026-12-31"), entry("v9.6", "DEPRECATED", "2026-01-01"));
        try (LocalServer server = new LocalServer(200, "application/json", body, Map.of())) {
            CliRun run = CliRun.run(Map.of(), NOW, "versions", "--endpoint", server.url());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().lines().toList()).startsWith(
                    "   ID" + " ".repeat(Math.max(2, current.length()) - 2) + "  STATUS      NOT BEFORE  DAYS LEFT",
                    "*  " + current + "  CURRENT     -           -",
                    "   v9.8" + " ".repeat(current.length() - 4) + "  SUPPORTED   2026-03-01  59 (within 90 days, not known to this client)",
                    "   v9.7" + " ".repeat(current.length() - 4) + "  DEPRECATED  2026-12-31  364 (not known to this client)",
                    "   v9.6" + " ".repeat(current.length() - 4) + "  DEPRECATED  2026-01-01  0 (retired, not known to this client)");
            assertThat(run.out()).contains("* CURRENT: the version a request without Scp-Api-Version gets",
                    "from 2026-01-01 (Asia/Seoul)");
        }
    }

    @Test
    void theDocumentIsReadUnsignedAndUnversionedWithoutCredentials() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json",
                document(entry(ScpServiceVersion.getLatest().id(), "CURRENT", null)), Map.of())) {
            CliRun run = CliRun.run(Map.of(), NOW, "versions", "--endpoint", server.url() + "/");

            assertThat(run.exit()).isZero();
            assertThat(server.received).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo(ScpApi.LIST_VERSIONS.method());
                assertThat(r.path()).isEqualTo(ScpApi.LIST_VERSIONS.path());
                assertThat(r.headers().keySet()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("scp-"));
            });
        }
    }

    @Test
    void aVersionStillListedAfterItsNotBeforeIsMarkedSoNotWithinTheThreshold() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json",
                document(entry("v9.8", "SUPPORTED", "2025-12-01")), Map.of())) {
            CliRun run = CliRun.run(Map.of(), NOW, "versions", "--endpoint", server.url());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("2025-12-01  -31 (Not Before passed, not known to this client)")
                    .doesNotContain("within");
        }
    }

    @Test
    void maxRemainDaysMovesTheThreshold() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json",
                document(entry("v9.8", "SUPPORTED", "2026-03-01")), Map.of())) {
            CliRun within = CliRun.run(Map.of(), NOW, "versions", "--endpoint", server.url(), "--max-remain-days", "59");
            CliRun beyond = CliRun.run(Map.of(), NOW, "versions", "--endpoint", server.url(), "--max-remain-days", "58");

            assertThat(within.exit()).as(within.err()).isZero();
            assertThat(within.out()).contains("59 (within 59 days");
            assertThat(beyond.out()).doesNotContain("within");
        }
    }

    @Test
    void aServerWithoutTheDocumentExits3WithTheProblem() throws Exception {
        String problem = "{\"status\": 404, \"code\": \"" + ScpProblemCode.NOT_FOUND.code() + "\", \"detail\": \"No resource.\"}";
        try (LocalServer server = new LocalServer(404, "application/problem+json", problem, Map.of())) {
            CliRun run = CliRun.run(Map.of(), NOW, "versions", "--endpoint", server.url());

            assertThat(run.exit()).isEqualTo(ScpImageCli.NOT_FOUND);
            assertThat(run.err()).contains("error: HTTP 404 NOT_FOUND: No resource.");
        }
    }

    @Test
    void anAnswerThatIsNotTheDocumentExits5() throws Exception {
        try (LocalServer server = new LocalServer(200, "text/html", "<html>welcome</html>", Map.of())) {
            CliRun run = CliRun.run(Map.of(), NOW, "versions", "--endpoint", server.url());

            assertThat(run.exit()).isEqualTo(ScpImageCli.HTTP_ERROR);
            assertThat(run.err()).startsWith("error: HTTP 200 but the answer is not what the spec says");
        }
    }

    @Test
    void noAnswerExits6AndABadEndpointExits2() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        CliRun refused = CliRun.run(Map.of(), NOW, "versions", "--endpoint", "http://127.0.0.1:" + closed);
        CliRun badEndpoint = CliRun.run(Map.of(), NOW, "versions", "--endpoint", "not a url");

        assertThat(refused.exit()).isEqualTo(ScpImageCli.IO_ERROR);
        assertThat(refused.err()).startsWith("error: no answer from http://127.0.0.1:" + closed);
        assertThat(badEndpoint.exit()).isEqualTo(ScpImageCli.USAGE);
    }
}
