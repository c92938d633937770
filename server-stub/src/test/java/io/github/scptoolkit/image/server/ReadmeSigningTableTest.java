package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.server.ScpSignatureVerifier.Rejection;

/**
 * README's table of canonical signature fields names exactly the checks made before the HMAC, and
 * README and the spec's API description name every refusal code of the signature check.
 */
class ReadmeSigningTableTest {

    /** The refusals that are not about a field's spelling or the host. */
    static final Set<Rejection> NOT_CANONICAL_FORM = EnumSet.of(Rejection.MISSING_AUTH_HEADERS,
            Rejection.TIMESTAMP_OUT_OF_WINDOW, Rejection.INVALID_SIGNATURE);

    @Test
    void theTableListsEveryCheckMadeBeforeTheHmac() throws IOException {
        List<String> rows = tableRows(Files.readString(projectRoot().resolve("README.md")));
        Pattern code = Pattern.compile("`([A-Z_]+)` \\|$");
        List<String> codes = new ArrayList<>();
        for (String row : rows) {
            Matcher m = code.matcher(row);
            assertThat(m.find()).as(row).isTrue();
            codes.add(m.group(1));
        }

        Set<String> expected = EnumSet.complementOf(EnumSet.copyOf(NOT_CANONICAL_FORM)).stream().map(Enum::name)
                .collect(Collectors.toSet());
        assertThat(codes).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows.get(1)).contains("exactly `" + ScpSignatureVerifier.CLIENT_TYPE_VALUE + "`");
        assertThat(rows.get(2)).contains(ScpSignatureVerifier.ACCOUNT_ID_LENGTH + " lower-case hex");
    }

    @Test
    void readmeAndTheSpecNameEveryRefusalCode() throws IOException {
        String readme = Files.readString(projectRoot().resolve("README.md"));
        String spec;
        try (InputStream in = getClass().getResourceAsStream("/openapi/virtualserver-show-image.yaml")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Rejection rejection : Rejection.values()) {
            assertThat(readme).as("README").contains("`" + rejection.name() + "`");
            assertThat(spec).as("spec").contains(rejection.name());
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
        assertThat(rows).as("README's table of canonical signature fields").isNotEmpty();
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
