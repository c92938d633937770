package io.github.scptoolkit.image.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** docs/client-spring.md's table of properties names exactly the properties the starter's metadata ships. */
class ClientPropertiesDocTest {

    @Test
    void theDocsPropertiesTableIsTheShippedMetadata() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `(scp\\.[a-z.-]+)` \\|", Pattern.MULTILINE)
                .matcher(Files.readString(projectRoot().resolve("docs/client-spring.md")));
        while (row.find()) {
            documented.add(row.group(1));
        }
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Set<String> shipped = new TreeSet<>();
        metadata.get("properties").forEach(p -> shipped.add(p.get("name").asText()));

        assertThat(documented).isEqualTo(shipped);
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
