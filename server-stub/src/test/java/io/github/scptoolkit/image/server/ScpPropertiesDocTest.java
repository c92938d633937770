package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/server.md's table of properties is the configuration metadata the stub ships (what an IDE
 * completes): the same properties, and each default the metadata knows written the same.
 */
class ScpPropertiesDocTest {

    @Test
    void theDocsPropertiesTableIsTheShippedMetadata() throws Exception {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("^\\| `(scp\\.[a-z.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE)
                .matcher(Files.readString(projectRoot().resolve("docs/server.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2).trim());
        }
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.shared().readTree(in);
        }
        Map<String, String> shipped = new TreeMap<>();
        for (JsonNode property : metadata.get("properties")) {
            shipped.put(property.get("name").asString(),
                    property.has("defaultValue") ? "`" + property.get("defaultValue").asString() + "`" : null);
        }

        assertThat(documented.keySet()).isEqualTo(shipped.keySet());
        shipped.forEach((name, value) -> {
            if (value != null) {
                assertThat(documented.get(name)).as("default of %s", name).isEqualTo(value);
            }
        });
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("README.md not found");
    }
}
