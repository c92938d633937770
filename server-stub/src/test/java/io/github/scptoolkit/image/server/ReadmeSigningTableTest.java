package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * docs/signing.md's table of canonical signature fields names exactly the checks made before the
 * HMAC, and docs/signing.md and the spec's API description name every refusal code of the signature check; those
 * codes are exactly the 401s of the spec's {@code x-problem-codes} ({@link ScpProblemCode}).
 */
class ReadmeSigningTableTest {

    @Test
    void theRefusalCodesAreTheSpecs401Codes() {
        assertThat(ScpSignatureVerifier.REJECTIONS).containsExactlyInAnyOrder(Stream.of(ScpProblemCode.values())
                .filter(code -> code.status() == 401).toArray(ScpProblemCode[]::new));
        assertThat(ScpSignatureVerifier.REJECTIONS).containsAll(ScpSignatureVerifier.BEFORE_THE_HMAC);
    }

    @Test
    void theTableListsEveryCheckMadeBeforeTheHmac() throws IOException {
        List<String> rows = tableRows(Files.readString(projectRoot().resolve("docs/signing.md")));
        Pattern code = Pattern.compile("`([A-Z_]+)` \\|$");
        List<ScpProblemCode> codes = new ArrayList<>();
        for (String row : rows) {
            Matcher m = code.matcher(row);
            assertThat(m.find()).as(row).isTrue();
            codes.add(ScpProblemCode.fromCode(m.group(1)).orElseThrow(
                    () -> new AssertionError("docs/signing.md's " + m.group(1) + " is not a code of the spec")));
        }

        assertThat(codes).containsExactlyInAnyOrderElementsOf(ScpSignatureVerifier.BEFORE_THE_HMAC);
        assertThat(rows.get(1)).contains("exactly `" + ScpSignatureVerifier.CLIENT_TYPE_VALUE + "`");
        assertThat(rows.get(2)).contains(ScpSignatureVerifier.ACCOUNT_ID_LENGTH + " lower-case hex");
    }

    @Test
    void readmeAndTheSpecNameEveryRefusalCode() throws IOException {
        String readme = Files.readString(projectRoot().resolve("docs/signing.md"));
        String spec;
        try (InputStream in = getClass().getResourceAsStream(ScpApi.SPEC_YAML)) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String apiDescription = spec.substring(spec.indexOf("## Authentication"), spec.indexOf("## Errors"));
        for (ScpProblemCode rejection : ScpSignatureVerifier.REJECTIONS) {
            assertThat(readme).as("docs/signing.md").contains("`" + rejection.code() + "`");
            assertThat(apiDescription).as("spec's API description").contains(rejection.code());
        }
    }

    /** The rows of the table whose header starts with {@code | field | accepted form |}. */
    private static List<String> tableRows(String markdown) {
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (String line : markdown.split("\\R")) {
            if (line.startsWith("| field | accepted form |")) {
                in = true;
            } else if (in && line.startsWith("| ---")) {
                continue;
            } else if (in && line.startsWith("|")) {
                rows.add(line);
            } else if (in) {
                break;
            }
        }
        assertThat(rows).as("docs/signing.md's table of canonical signature fields").isNotEmpty();
        return rows;
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
