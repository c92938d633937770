package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The CLI configured as SCP's own tools are, on a local server that is both IAM (the endpoint
 * catalog) and the service: with only {@code ~/.scpconf} (a temporary directory via
 * {@code SCP_CONFIG_DIR}, or a temporary {@code HOME}) no option is needed; options win over the
 * variables, which win over the files; a broken file is a usage error naming it and its line.
 */
class CliConfigurationTest {

    private static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    /** An answer with every field the CURRENT version requires. */
    private static final String IMAGE = "{\"id\":\"" + ID + "\",\"name\":\"imagename\",\"min_disk\":100,\"min_ram\":0,"
            + "\"container_format\":\"bare\",\"disk_format\":\"qcow2\",\"file\":\"/v2/images/x/file\",\"os_hidden\":false,"
            + "\"owner\":\"a8f10467abfc4b87b64614ab36eb9ae4\",\"protected\":false,\"status\":\"active\",\"visibility\":\"private\","
            + "\"created_at\":\"2025-07-22T09:00:00Z\",\"updated_at\":\"2025-07-26T12:00:00Z\",\"scp_gpu_driver\":null}";
    private static final String CATALOG = "{\"endpoints\":[{\"region\":\"kr-east1\",\"service_type\":\"virtualserver\","
            + "\"service_name\":\"virtualserver\",\"url\":\"http://127.0.0.1:1\"},{\"region\":\"kr-west1\",\"service_type\":"
            + "\"virtualserver\",\"service_name\":\"virtualserver\",\"url\":\"${url}\"}]}";
    private static final String VERSIONS = "{\"versions\":[{\"id\":\"" + ScpServiceVersion.getLatest().id()
            + "\",\"status\":\"SUPPORTED\",\"not_before\":\"2026-03-01\",\"links\":[]}]}";

    @TempDir
    Path home;

    private LocalServer scp() throws IOException {
        return new LocalServer(200, "application/json", VERSIONS, Map.of())
                .route("/v1/endpoints", new LocalServer.Answer(200, "application/json", CATALOG, Map.of()))
                .route("/v1/images/", new LocalServer.Answer(200, "application/json", IMAGE, Map.of()));
    }

    private Map<String, String> scpconf(String authUrl) throws IOException {
        Path dir = Files.createDirectories(home.resolve(".scpconf"));
        Files.writeString(dir.resolve("config.json"), "{\"auth-url\": \"" + authUrl + "\", \"default-region\": \"kr-west1\"}");
        Files.writeString(dir.resolve("credentials.json"), "{\"access-key\": \"test\", \"secret-key\": \"test\"}");
        return Map.of("HOME", home.toString(), "USERPROFILE", home.toString());
    }

    @Test
    void withOnlyScpconfShowAndVersionsNeedNoFlags() throws Exception {
        try (LocalServer server = scp()) {
            Map<String, String> env = scpconf(server.url() + "/v1");
            CliRun show = CliRun.run(env, "show", ID, "-f", "value", "-c", "name");
            CliRun versions = CliRun.run(env, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), "versions");

            assertThat(show.exit()).as(show.err()).isZero();
            assertThat(show.out()).isEqualTo("imagename\n");
            assertThat(versions.exit()).as(versions.err()).isZero();
            assertThat(versions.out()).contains(ScpServiceVersion.getLatest().id() + "  SUPPORTED");
            assertThat(versions.err()).isEqualTo("Supported Until - Warning virtualserver(kr-west1) ["
                    + ScpServiceVersion.getLatest().id() + "], Until Supported date 2026-03-01: 59 days left"
                    + System.lineSeparator());
            LocalServer.Received catalog = server.received.get(0);
            assertThat(catalog.path()).isEqualTo("/v1/endpoints");
            assertThat(catalog.header("Scp-Accesskey")).isEqualTo("test");
            assertThat(catalog.header("Scp-Signature")).isNotBlank();
            assertThat(server.received.get(1).path()).isEqualTo(ScpApi.SHOW_IMAGE.path().replace("{image_id}", ID));
        }
    }

    @Test
    void optionsWinOverVariablesWhichWinOverTheFiles() throws Exception {
        try (LocalServer server = scp(); LocalServer direct = new LocalServer(200, "application/json", IMAGE, Map.of())) {
            Map<String, String> env = new java.util.HashMap<>(scpconf("http://127.0.0.1:1/v1"));
            env.put("SCP_TF_AUTH_URL", server.url() + "/v1");
            CliRun byVariable = CliRun.run(env, "show", ID, "-f", "value", "-c", "id");
            CliRun byOption = CliRun.run(env, "show", ID, "--endpoint", direct.url(), "-f", "value", "-c", "id");

            assertThat(byVariable.exit()).as(byVariable.err()).isZero();
            assertThat(server.received).extracting(LocalServer.Received::path).contains("/v1/endpoints");
            assertThat(byOption.exit()).as(byOption.err()).isZero();
            assertThat(direct.received).singleElement();
        }
    }

    @Test
    void regionPrefersItsEntry() throws Exception {
        try (LocalServer server = scp()) {
            CliRun run = CliRun.run(scpconf(server.url() + "/v1"), "show", ID, "--region", "kr-east1", "--retries", "0");

            assertThat(run.exit()).as("kr-east1's entry is http://127.0.0.1:1, where nothing listens")
                    .isEqualTo(ScpImageCli.IO_ERROR);
            assertThat(run.err()).as("the catalog request is another call: nothing was retried")
                    .isEqualTo("error: no answer from http://127.0.0.1:1/v1/images/" + ID + ": connection refused"
                            + System.lineSeparator());
        }
    }

    @Test
    void debugShowsWhereEachSettingCameFromAndTheExchangeWithoutSecrets() throws Exception {
        try (LocalServer server = scp()) {
            CliRun run = CliRun.run(scpconf(server.url() + "/v1"), "show", ID, "--debug");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).contains("debug: calling auth URL " + server.url() + "/v1 (from " + home.resolve(".scpconf")
                    .resolve("config.json") + " line 1)", "secret-key=****", "GET " + server.url() + "/v1/endpoints",
                    "Scp-Signature: <redacted>", "HTTP/1.1 200");
            assertThat(run.err().lines().filter(l -> l.contains("Scp-Signature"))).allMatch(l -> l.endsWith("<redacted>"));
        }
    }

    @Test
    void aBrokenFileIsAUsageErrorNamingItAndItsLine() throws Exception {
        Path dir = Files.createDirectories(home.resolve("conf"));
        Files.writeString(dir.resolve("config.json"), "{\n  \"auth-url\": http://x\n}");

        CliRun run = CliRun.run(Map.of("SCP_CONFIG_DIR", dir.toString()), "versions");

        assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
        assertThat(run.err()).startsWith("error: " + dir.resolve("config.json") + " line 2, column");
    }

    @Test
    void discoveryWithoutCredentialsIsAUsageErrorSayingWhyTheyAreNeeded() throws Exception {
        CliRun run = CliRun.run(Map.of("SCP_AUTH_URL", "http://127.0.0.1:1/v1"), "versions");

        assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
        assertThat(run.err()).contains("no credentials (finding the endpoint at the auth URL is a signed call)");
    }

    @Test
    void aCatalogWithoutTheServiceNamesTheTypesFoundAndExits5() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json",
                "{\"endpoints\":[{\"region\":\"kr-west1\",\"service_type\":\"iam\",\"service_name\":\"iam\",\"url\":\"x\"}]}",
                Map.of())) {
            CliRun run = CliRun.run(Map.of("SCP_ACCESS_KEY", "k", "SCP_SECRET_KEY", "s"), "show", ID, "--auth-url",
                    server.url() + "/v1", "--region", "kr-west1");

            assertThat(run.exit()).isEqualTo(ScpImageCli.HTTP_ERROR);
            assertThat(run.err()).isEqualTo("error: cannot find the endpoint: the endpoint catalog at " + server.url()
                    + "/v1 (region kr-west1, no default region) has no endpoint of service type 'virtualserver';"
                    + " service types found: iam" + System.lineSeparator());
        }
    }

    @Test
    void aRefusedDiscoveryExits4WithTheProblem() throws Exception {
        try (LocalServer server = new LocalServer(401, "application/problem+json",
                "{\"status\":401,\"code\":\"INVALID_SIGNATURE\",\"detail\":\"Bad signature.\"}", Map.of())) {
            CliRun run = CliRun.run(Map.of("SCP_ACCESS_KEY", "k", "SCP_SECRET_KEY", "s"), "show", ID, "--auth-url",
                    server.url() + "/v1");

            assertThat(run.exit()).isEqualTo(ScpImageCli.NOT_AUTHORIZED);
            assertThat(run.err()).isEqualTo("error: cannot find the endpoint in the endpoint catalog at " + server.url()
                    + "/v1: HTTP 401 INVALID_SIGNATURE: Bad signature." + System.lineSeparator());
        }
    }
}
