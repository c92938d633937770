package io.github.scptoolkit.image.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpApi;

/**
 * Keeps docs/console.md honest where no browser is needed: its commands are docs/emulator.md's (which
 * the integration tests run), its properties block is copied from the emulator's
 * {@code application.properties}, its signature formula is the spec's, and README links it. Its
 * table of what the page loads is checked in a browser by {@code ApiConsoleBrowserIT}.
 */
class ConsoleDocTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file)).replace("\r\n", "\n");
    }

    private static List<String> blocks(String markdown, String language) {
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)\\n```", Pattern.DOTALL).matcher(markdown);
        List<String> lines = new ArrayList<>();
        while (block.find()) {
            Arrays.stream(block.group(1).split("\n")).map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        return lines;
    }

    @Test
    void itsCommandsAreTheEmulatorPagesCommands() throws IOException {
        List<String> commands = blocks(read("docs/console.md"), "bash");
        List<String> emulator = blocks(read("docs/emulator.md"), "bash");

        assertThat(commands).as("bash lines in docs/console.md").isNotEmpty();
        assertThat(emulator).as("docs/emulator.md's bash lines").containsAll(commands);
    }

    @Test
    void itsPropertiesAreCopiedFromTheEmulatorsApplicationProperties() throws IOException {
        List<String> properties = blocks(read("docs/console.md"), "properties");
        List<String> application = read("reference-server/src/main/resources/application.properties").lines()
                .map(String::strip).toList();

        assertThat(properties).as("properties lines in docs/console.md").hasSizeGreaterThanOrEqualTo(5);
        assertThat(application).containsAll(properties);
    }

    @Test
    void itsSignatureFormulaIsTheSpecs() throws IOException {
        String doc = read("docs/console.md");
        Matcher formula = Pattern.compile("\\n    (Scp-Signature = .*?\\))\\n\\n", Pattern.DOTALL).matcher(doc);

        assertThat(formula.find()).as("the indented formula in docs/console.md").isTrue();
        assertThat(normalized(read("api-spec/src/main/resources" + ScpApi.SPEC_YAML))).contains(normalized(formula.group(1)));
    }

    @Test
    void readmeLinksIt() throws IOException {
        assertThat(read("README.md")).contains("](docs/console.md)");
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
