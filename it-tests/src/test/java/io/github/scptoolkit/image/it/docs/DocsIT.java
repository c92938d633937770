package io.github.scptoolkit.image.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import picocli.CommandLine;

import io.github.scptoolkit.image.cli.ScpImageCli;
import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.VersionCheck;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * Keeps the docs' CLI blocks honest against the emulator on a random port: every {@code json} block
 * titled with a {@code ~/.scpconf} file loads as that file ({@link DocClaims#SCPCONF_FILES});
 * docs/configuration.md's pair for the emulator points the CLI at the emulator, where every
 * {@code console} block's commands give exactly the output shown ({@code …} stands for any text,
 * alone on a line for any lines; {@link DocClaims#CLI_CONSOLE}) and every {@code scp-image} command
 * of a {@code bash} block succeeds ({@link DocClaims#SCP_IMAGE}); the configuration's {@code java}
 * blocks are run here (ReadmeTest finds them in this source).
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DocsIT {

    private static final String EMULATOR = "127.0.0.1:8080";

    @LocalServerPort
    int port;

    @TempDir
    Path home;

    /** The configuration directory holding the docs' files for the emulator, at this test's port. */
    private Path emulatorScpconf() throws IOException {
        Path dir = Files.createDirectories(home.resolve("emulator-scpconf"));
        int written = 0;
        for (DocBlocks.Block b : DocClaims.SCPCONF_FILES.blocks()) {
            if (b.page().equals("docs/configuration.md")
                    && (b.text().contains(EMULATOR) || b.text().contains("\"test\""))) {
                Files.writeString(dir.resolve(b.title().substring("~/.scpconf/".length())), local(b.text()));
                written++;
            }
        }
        assertThat(written).as("configuration.md's files for the emulator").isEqualTo(2);
        return dir;
    }

    private String local(String text) {
        return text.replace(EMULATOR, "127.0.0.1:" + port);
    }

    @Test
    void everyScpconfFileOfTheDocsLoads() throws IOException {
        List<DocBlocks.Block> files = DocClaims.SCPCONF_FILES.blocks();
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (DocBlocks.Block file : files) {
            Path dir = Files.createTempDirectory(home, "scpconf");
            Files.writeString(dir.resolve(file.title().substring("~/.scpconf/".length())), file.text());
            ScpConfig config = ScpConfig.load(Map.of(ScpConfig.CONFIG_DIR_VARIABLE, dir.toString()));
            assertThat(config.toString()).as(file.where() + " " + file.title()).isNotEqualTo("ScpConfig[]");
        }
    }

    record Step(String command, List<String> expected) {
        @Override
        public String toString() {
            return command;
        }
    }

    static Stream<Step> consoleSteps() throws IOException {
        List<Step> steps = new ArrayList<>();
        for (DocBlocks.Block b : DocClaims.CLI_CONSOLE.blocks()) {
            String command = null;
            List<String> expected = new ArrayList<>();
            for (String line : b.text().split("\n")) {
                if (line.startsWith("$ ")) {
                    if (command != null) {
                        steps.add(new Step(command, expected));
                    }
                    command = line.substring(2);
                    expected = new ArrayList<>();
                } else {
                    expected.add(line);
                }
            }
            if (command != null) {
                steps.add(new Step(command, expected));
            }
        }
        return steps.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consoleSteps")
    void everyConsoleCommandOfTheDocsGivesTheOutputShown(Step step) throws IOException {
        Run run = run(step.command());

        List<String> actual = (run.out() + run.err()).lines().toList();
        assertThat(matches(step.expected(), actual)).as("output of %s:%n%s", step.command(), run.out() + run.err()).isTrue();
        boolean error = !step.expected().isEmpty() && step.expected().get(0).startsWith("error:");
        assertThat(run.exit() != 0).as("exit code %s of %s", run.exit(), step.command()).isEqualTo(error);
    }

    @Test
    void everyScpImageCommandOfTheDocsBashBlocksSucceeds() throws IOException {
        int ran = 0;
        for (DocBlocks.Command command : DocClaims.SCP_IMAGE.commands()) {
            Run run = run(command.text().substring("scp-image ".length()));
            assertThat(run.exit()).as("%s%n%s", command, run.err()).isZero();
            ran++;
        }
        assertThat(ran).isGreaterThanOrEqualTo(3);
    }

    record Run(int exit, String out, String err) {
    }

    private Run run(String commandLine) throws IOException {
        Map<String, String> env = Map.of(ScpConfig.CONFIG_DIR_VARIABLE, emulatorScpconf().toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ScpImageCli.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = local(commandLine).trim().split("\\s+");
        if (args[0].equals("scp-image")) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Line by line; {@code …} in a line is any text, a line that is only {@code …} any number of lines. */
    static boolean matches(List<String> expected, List<String> actual) {
        if (expected.isEmpty()) {
            return actual.isEmpty();
        }
        String first = expected.get(0);
        if (first.equals("…")) {
            for (int skip = 0; skip <= actual.size(); skip++) {
                if (matches(expected.subList(1, expected.size()), actual.subList(skip, actual.size()))) {
                    return true;
                }
            }
            return false;
        }
        if (actual.isEmpty()) {
            return false;
        }
        String regex = Stream.of(first.split("…", -1)).map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
        return actual.get(0).matches(regex) && matches(expected.subList(1, expected.size()), actual.subList(1, actual.size()));
    }

    @Test
    void configurationsJavaBlocksRun() throws IOException {
        Path configDir = emulatorScpconf();
        // configuration.md: begin
        ScpImageClient client = ScpImageClient.builder()
                .configuration(ScpConfig.load(Map.of(ScpConfig.CONFIG_DIR_VARIABLE, configDir.toString())))
                .build();                                    // auth-url, default-region and keys from the files
        Image image = client.showImage("70a599e0-31e7-49b7-b260-868f441e862b");
        System.out.println(client.endpoint() + " in " + client.region().orElse("?"));
        // configuration.md: end
        ScpImageClient images = ScpImageClient.builder()
                .authUrl("http://127.0.0.1:" + port + "/v1")          // discovery instead of endpoint(...)
                .region("kr-west1")
                .credentials(ScpCredentials.of("test", "test"))
                .build();
        VersionCheck check = client.checkVersionSupport();   // e.g. WARNING: Supported Until - Warning virtualserver(kr-west1) [v1.2], Until Supported date <Not Before date>: <n> days left
        check.supportWarning("virtualserver(kr-west1)", 30).ifPresent(System.out::println);

        assertThat(image.getName()).isEqualTo("imagename");
        assertThat(client.endpoint()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(client.region()).contains("kr-west1");
        assertThat(images.showImage("70a599e0-31e7-49b7-b260-868f441e862b").getId()).isEqualTo(image.getId());
        assertThat(check.documented()).isTrue();
    }
}
