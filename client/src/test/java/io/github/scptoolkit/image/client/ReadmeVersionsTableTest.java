package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpSchema;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * README's "## Versions" table says exactly what the spec says: every version, newest first, with
 * its state and Not Before date ({@code info.x-api-versions}) and Show Image's 200 schema
 * ({@code x-version-schemas}), as the generated facts carry them.
 */
class ReadmeVersionsTableTest {

    @Test
    void readmeVersionTableMatchesTheSpec() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("\n## Versions\n"));
        section = section.substring(0, section.indexOf("\n### ") > 0 ? section.indexOf("\n### ") : section.length());
        List<String> table = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.matches("\\|\\s*\\d+\\.\\d+\\s*\\|.*")) {
                String[] cells = line.split("\\|");
                table.add(cells[1].trim() + " " + cells[2].trim() + " " + cells[3].trim() + " " + cells[4].trim());
            }
        }
        List<String> spec = new ArrayList<>();
        for (ScpServiceVersion v : ScpServiceVersion.all()) {
            spec.add(v.getVersion() + " " + v.status() + " " + v.notBefore().map(Object::toString).orElse("-") + " "
                    + ScpApi.SHOW_IMAGE.responseSchema(v).map(ScpSchema::name).orElse("-"));
        }
        Collections.reverse(spec); // newest first

        assertThat(table).containsExactlyElementsOf(spec);
    }
}
