package io.github.scptoolkit.image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/** {@code show}: credentials resolution, {@code --api-version} from the spec's versions, the image as JSON. */
class ShowCommandTest {

    private static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final Map<String, String> DEMO_ENV = Map.of("SCP_ACCESS_KEY", "test", "SCP_SECRET_KEY", "test");
    /** An image with every field any version requires (the client refuses one that lacks them), and one from a newer server. */
    private static final String IMAGE = """
            {"id": "70a599e0-31e7-49b7-b260-868f441e862b", "name": "imagename", "min_disk": 100, "min_ram": 0,
             "container_format": "bare", "disk_format": "qcow2", "file": "/v2/images/x/file", "os_hidden": false,
             "owner": "a8f10467abfc4b87b64614ab36eb9ae4", "protected": false, "status": "active", "visibility": "private",
             "created_at": "2025-07-22T09:00:00Z", "updated_at": "2025-07-26T12:00:00Z",
             "scp_gpu_driver": null, "scp_from_a_newer_server": 1}""";

    @Test
    void credentialsComeFromOptionsThenEnvironmentAndTheSecretIsNeverPrinted() throws Exception {
        Map<String, String> env = Map.of("SCP_ACCESS_KEY", "env-key", "SCP_SECRET_KEY", "env-secret", "SCP_ACCOUNT_ID", "3c9d2e71b5a84f0e9d6c1a2b7e4f8d05");
        try (LocalServer server = new LocalServer(200, "application/json", IMAGE, Map.of())) {
            CliRun fromEnv = CliRun.run(env, "show", ID, "--endpoint", server.url(), "--debug");
            CliRun fromOptions = CliRun.run(env, "show", ID, "--endpoint", server.url(), "--access-key", "opt-key",
                    "--secret-key", "opt-secret", "--debug");

            assertThat(fromEnv.exit()).as(fromEnv.err()).isZero();
            assertThat(fromOptions.exit()).as(fromOptions.err()).isZero();
            assertThat(server.received.get(0).header("Scp-Accesskey")).isEqualTo("env-key");
            assertThat(server.received.get(0).header("Scp-AccountId")).isEqualTo("3c9d2e71b5a84f0e9d6c1a2b7e4f8d05");
            assertThat(server.received.get(1).header("Scp-Accesskey")).isEqualTo("opt-key");
            assertThat(fromEnv.all()).doesNotContain("env-secret");
            assertThat(fromOptions.all()).doesNotContain("opt-secret", "env-secret")
                    .contains("access-key=opt-key (option --access-key)", "Scp-Signature: <redacted>");
        }
    }

    @Test
    void halfAKeyPairIsAUsageErrorThatShowsNoKey() {
        CliRun run = CliRun.run(Map.of(), "show", ID, "--endpoint", "http://127.0.0.1:1", "--access-key", "only-key");

        assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
        assertThat(run.err()).contains("the access-key is set (from option --access-key) but no secret-key is")
                .doesNotContain("only-key");
    }

    @Test
    void withoutCredentialsItIsAUsageErrorNamingTheVariables() {
        CliRun run = CliRun.run(Map.of(), "show", ID, "--endpoint", "http://127.0.0.1:1");

        assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
        assertThat(run.err()).contains("no credentials").contains("SCP_ACCESS_KEY").contains("SCP_SECRET_KEY");
    }

    static List<ScpServiceVersion> everyVersion() {
        return ScpServiceVersion.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVersion")
    void everyVersionOfTheSpecIsAcceptedAsNumberIdOrHeaderValueAndSent(ScpServiceVersion version) throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json", IMAGE, Map.of())) {
            for (String given : List.of(version.getVersion(), version.id(), version.headerValue())) {
                CliRun run = CliRun.run(DEMO_ENV, "show", ID, "--endpoint", server.url(), "--api-version", given);

                assertThat(run.exit()).as(run.err()).isZero();
            }
            assertThat(server.received).hasSize(3).allSatisfy(r -> {
                assertThat(r.header(ScpApi.VERSION_HEADER)).isEqualTo(version.headerValue());
                assertThat(r.header("Scp-Signature")).isNotBlank();
            });
        }
    }

    @Test
    void withoutApiVersionTheCurrentVersionIsSentAndTheImagePrintedAsJson() throws Exception {
        try (LocalServer server = new LocalServer(200, "application/json", IMAGE,
                Map.of(ScpApi.VERSION_HEADER, ScpServiceVersion.getLatest().headerValue()))) {
            CliRun run = CliRun.run(DEMO_ENV, "show", ID, "--endpoint", server.url(), "--verbose");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(server.received).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo(ScpApi.SHOW_IMAGE.path().replace("{image_id}", ID));
                assertThat(r.header(ScpApi.VERSION_HEADER)).isEqualTo(ScpServiceVersion.getLatest().headerValue());
            });
            assertThat(run.out()).as("the body as received: order, spacing and unknown fields kept").isEqualTo(IMAGE + "\n");
            assertThat(run.err()).contains("requested version: " + ScpServiceVersion.getLatest().headerValue(),
                    "served version: " + ScpServiceVersion.getLatest().headerValue());
        }
    }

    @Test
    void aFieldTheServedVersionDoesNotSendIsNotPrinted() throws Exception {
        // a version whose schema lacks a field a later one added (from the spec), answered without it
        ScpServiceVersion older = ScpServiceVersion.all().stream()
                .filter(v -> !ScpApi.SHOW_IMAGE.responseSchema(v).orElseThrow().fieldNames().contains("scp_gpu_driver"))
                .findFirst().orElseThrow();
        try (LocalServer server = new LocalServer(200, "application/json", IMAGE.replace("\"scp_gpu_driver\": null, ", ""),
                Map.of())) {
            CliRun run = CliRun.run(DEMO_ENV, "show", ID, "--endpoint", server.url(), "--api-version", older.getVersion());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"name\": \"imagename\"").doesNotContain("scp_gpu_driver");
        }
    }

    @Test
    void anUnknownVersionIsAUsageErrorListingTheSpecsVersions() {
        CliRun run = CliRun.run(DEMO_ENV, "show", ID, "--endpoint", "http://127.0.0.1:1", "--api-version", "9.9");

        assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
        assertThat(run.err()).contains("unknown version '9.9'");
        for (ScpServiceVersion v : ScpServiceVersion.all()) {
            assertThat(run.err()).contains(v.getVersion());
        }
    }

    @Test
    void helpListsEveryVersionOfTheSpecAndTheCurrentOneAsDefault() {
        CliRun run = CliRun.run(DEMO_ENV, "show", "--help");

        assertThat(run.exit()).isZero();
        String versions = String.join(", ", ScpServiceVersion.all().stream().map(ScpServiceVersion::getVersion).toList());
        assertThat(run.out().replaceAll("\\s+", " ")).contains("Version to call: " + versions)
                .contains("default: " + ScpServiceVersion.getLatest().getVersion() + ", the CURRENT version");
    }

    @Test
    void anAccountIdOutsideTheSyntaxOrAnEndpointWithAPasswordIsAUsageErrorThatEchoesNoSecret() {
        for (String[] args : List.of(
                new String[] {"--account-id", "proj1", "--endpoint", "http://127.0.0.1:1"},
                new String[] {"--endpoint", "http://user:pa55word@127.0.0.1:1"})) {
            List<String> all = new java.util.ArrayList<>(List.of("show", ID, "--access-key", "k", "--secret-key",
                    "s3cr3t-value"));
            all.addAll(List.of(args));

            CliRun run = CliRun.run(Map.of(), all.toArray(String[]::new));

            assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
            assertThat(run.err()).doesNotContain("pa55word", "s3cr3t-value")
                    .containsAnyOf("32 lower-case hexadecimal", "user name or password")
                    .doesNotContain("****ey");   // the access key "k" masks whole tokens only
        }
    }
}
