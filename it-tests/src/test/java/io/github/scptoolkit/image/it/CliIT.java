package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import picocli.CommandLine;

import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.cli.ScpImageCli;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The scp-image CLI end to end against the emulator on a random port, run in-process, signing with
 * the demo key pair from SCP_ACCESS_KEY/SCP_SECRET_KEY as docs/emulator.md's "Start it and call it" does:
 * output and exit codes. The retired versions are kept on here
 * ({@code --scp.versions.serve-retired=true}); {@link EmulatorRetiredVersionsIT} shows their
 * refusal with default settings.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class CliIT {

    static final String SEED = ReferenceServer.SEED_IMAGE_ID;
    /** {@link SpecVersions#UNKNOWN} (a constant, as annotations need). */
    static final String UNKNOWN_HEADER = "virtualserver 9.9";
    /** docs/emulator.md: export SCP_ACCESS_KEY=test SCP_SECRET_KEY=test */
    static final Map<String, String> DEMO_ENV = Map.of("SCP_ACCESS_KEY", "test", "SCP_SECRET_KEY", "test");

    @LocalServerPort
    int port;

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return ReferenceServer.json(out);
        }
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ScpImageCli.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    static List<ScpServiceVersion> versions() {
        return SpecVersions.callable();
    }

    @ParameterizedTest(name = "show in {0} prints the seed image as JSON, in the version's shape")
    @MethodSource("versions")
    void showPrintsTheImageInEachVersion(ScpServiceVersion version) {
        // docs/emulator.md: java -jar cli/target/scp-image-cli-0.1.0-SNAPSHOT-exec.jar show <id> --api-version 1.x
        Run run = run(DEMO_ENV, "show", SEED, "--endpoint", endpoint(), "--api-version", version.getVersion());

        assertThat(run.exit()).as(run.err()).isEqualTo(ScpImageCli.OK).isZero();
        assertThat(run.json().get("id").asText()).isEqualTo(SEED);
        assertThat(run.json().get("name").asText()).isEqualTo("imagename");
        assertThat(run.json()).isEqualTo(SpecVersions.expectedSeed(version));
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "--api-version accepts {0}")
    @MethodSource("spellings")
    void theVersionCanBeGivenAsNumberIdOrHeaderValue(String spelling) {
        Run run = run(DEMO_ENV, "show", SEED, "--endpoint", endpoint(), "--api-version", spelling, "--verbose");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("served version: " + SpecVersions.current().headerValue());
    }

    static List<String> spellings() {
        ScpServiceVersion current = SpecVersions.current();
        return List.of(current.getVersion(), current.id(), current.headerValue());
    }

    @Test
    void verboseAddsTheServedVersionAndTheDeprecationHeadersOnStderr() {
        ScpServiceVersion deprecated = SpecVersions.deprecated().get(0);
        Run run = run(DEMO_ENV, "show", SEED, "--endpoint", endpoint(), "--api-version", deprecated.getVersion(), "--verbose");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("requested version: " + deprecated.headerValue() + System.lineSeparator())
                .contains("served version: " + deprecated.headerValue() + System.lineSeparator())
                .contains("Deprecation: @").contains("Sunset: " + SpecVersions.sunset(deprecated))
                .contains("Link (deprecation): https://");
        assertThat(run.json().get("id").asText()).isEqualTo(SEED);
    }

    @Test
    void verboseOnTheCurrentVersionHasNoDeprecation() {
        Run run = run(DEMO_ENV, "show", SEED, "--endpoint", endpoint(), "--verbose");

        assertThat(run.exit()).isZero();
        String current = SpecVersions.current().headerValue();
        assertThat(run.err()).isEqualTo(("requested version: " + current + "\nserved version: " + current + "\n")
                .replace("\n", System.lineSeparator()));
    }

    @Test
    void versionsPrintsTheVersionsDocumentWithoutCredentials() {
        Run run = run(Map.of(), "versions", "--endpoint", endpoint());

        assertThat(run.exit()).as(run.err()).isEqualTo(ScpImageCli.OK);
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("ID").contains("STATUS").contains("NOT BEFORE").contains("DAYS LEFT");
        for (ScpServiceVersion version : ScpServiceVersion.all()) {
            assertThat(lines).as(version.id()).anySatisfy(line -> assertThat(line.split("\\s+"))
                    .contains(version.id(), version.status().name(), version.notBefore().map(Object::toString).orElse("-")));
        }
        assertThat(lines).filteredOn(line -> line.matches("\\*\\s+v\\d+\\.\\d+\\s.*")).singleElement().asString()
                .contains(SpecVersions.current().id() + " ").contains("CURRENT");
    }

    @Test
    void versionsWithNoServerExits6() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run run = run(Map.of(), "versions", "--endpoint", "http://127.0.0.1:" + closed);

        assertThat(run.exit()).isEqualTo(ScpImageCli.IO_ERROR);
    }

    @Test
    void credentialsFromOptionsAreAcceptedAndTheSecretIsNeverPrinted() {
        Run run = run(Map.of(), "show", SEED, "--endpoint", endpoint(), "--access-key", "test-b", "--secret-key", "test-b",
                "--verbose");
        Run image = run(Map.of(), "show", "3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31", "--endpoint", endpoint(),
                "--access-key", "test-b", "--secret-key", "test-b");

        assertThat(run.exit()).as("the seed is private to the demo project").isEqualTo(ScpImageCli.NOT_FOUND);
        assertThat(image.exit()).isZero();
        assertThat(image.json().get("id").asText()).isEqualTo("3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b31");
        assertThat(run.out() + run.err() + image.out() + image.err()).doesNotContain("Scp-Signature");
    }

    @Test
    void wrongSecretExits4WithTheProblemCode() {
        Run run = run(Map.of("SCP_ACCESS_KEY", "test", "SCP_SECRET_KEY", "not-the-secret"), "show", SEED,
                "--endpoint", endpoint());

        assertThat(run.exit()).isEqualTo(ScpImageCli.NOT_AUTHORIZED).isEqualTo(4);
        assertThat(run.err()).contains("error: HTTP 401 INVALID_SIGNATURE: ").doesNotContain("not-the-secret");
    }

    @Test
    void noCredentialsIsAUsageError() {
        Run run = run(Map.of(), "show", SEED, "--endpoint", endpoint());

        assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE);
        assertThat(run.err()).contains("no credentials");
    }

    @Test
    void unknownImageExits3WithTheProblemCodeAndDetail() {
        Run run = run(DEMO_ENV, "show", "00000000-0000-0000-0000-000000000000", "--endpoint", endpoint());

        assertThat(run.exit()).isEqualTo(ScpImageCli.NOT_FOUND).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: HTTP 404 IMAGE_NOT_FOUND: No image with id '00000000-0000-0000-0000-000000000000' was found.");
    }

    @Test
    void imageOfAnotherProjectExits3Too() {
        Run run = run(DEMO_ENV, "show", "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "--endpoint", endpoint());

        assertThat(run.exit()).isEqualTo(3);
    }

    @InvalidRequests // an over-long id on purpose

    @Test
    void otherHttpErrorExits5() {
        Run run = run(DEMO_ENV, "show", "x".repeat(300), "--endpoint", endpoint());

        assertThat(run.exit()).isEqualTo(ScpImageCli.HTTP_ERROR).isEqualTo(5);
        assertThat(run.err()).contains("error: HTTP 400 INVALID_REQUEST: ");
    }

    @Test
    void noServerExits6() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run run = run(DEMO_ENV, "show", SEED, "--endpoint", "http://127.0.0.1:" + closed);

        assertThat(run.exit()).isEqualTo(ScpImageCli.IO_ERROR).isEqualTo(6);
        assertThat(run.err()).startsWith("error: no answer from http://127.0.0.1:" + closed);
    }

    @ParameterizedTest(name = "usage error exits 2: {0}")
    @ValueSource(strings = {"--api-version=9.9", "--api-version=" + UNKNOWN_HEADER, "--no-such-option", "--endpoint=not a url",
        "--access-key=only-the-access-key"})
    void usageErrorsExit2(String option) {
        Run run = run(option.startsWith("--access-key") ? Map.of() : DEMO_ENV, "show", SEED, option);

        assertThat(run.exit()).isEqualTo(ScpImageCli.USAGE).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isNotEmpty().doesNotContain("no credentials");
    }

    @Test
    void missingImageIdIsAUsageError() {
        assertThat(run(DEMO_ENV, "show").exit()).isEqualTo(2);
    }
}
