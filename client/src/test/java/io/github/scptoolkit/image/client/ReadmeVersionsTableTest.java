package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** README's "## Versions" table says exactly what the spec's {@code x-api-versions} says. */
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
        for (JsonNode v : ApiVersionMatchesSpecTest.specVersions()) {
            spec.add(v.get("version").asText() + " " + v.get("status").asText() + " "
                    + (v.path("not-before").isTextual() ? v.path("not-before").asText() : "-") + " "
                    + v.get("schema").asText());
        }
        assertThat(table).containsExactlyElementsOf(spec);
    }
}
