package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.client.generated.model.ScpApiVersion;

/**
 * The typed versions match the spec's {@code x-api-versions} exactly: the same versions, states and
 * Not Before dates, and each {@link ImageVersion} returns the Java type of its version's schema.
 * Adding a version to the spec without adding it here fails this test.
 */
class ApiVersionMatchesSpecTest {

    static List<JsonNode> specVersions() throws Exception {
        try (InputStream in = ApiVersionMatchesSpecTest.class.getResourceAsStream("/openapi/openapi.json")) {
            JsonNode list = new ObjectMapper().readTree(in).path("paths").path("/v1/images/{image_id}").path("get")
                    .path("x-api-versions");
            List<JsonNode> out = new ArrayList<>();
            list.forEach(out::add);
            return out;
        }
    }

    @Test
    void theEnumHasExactlyTheSpecsVersionsWithTheirStateAndNotBeforeDate() throws Exception {
        Map<String, String> spec = new LinkedHashMap<>();
        Map<String, String> code = new LinkedHashMap<>();
        for (JsonNode v : specVersions()) {
            spec.put(v.get("version").asText(), v.get("status").asText() + " " + (v.path("not-before").isTextual() ? v.path("not-before").asText() : null));
        }
        for (ApiVersion v : ApiVersion.values()) {
            code.put(v.number(), v.status() + " " + v.notBefore().map(LocalDate::toString).orElse(null));
        }
        assertThat(code).containsExactlyInAnyOrderEntriesOf(spec);
        // the PLANNED versions too: a PLANNED 1.4 in the spec needs an enum constant
        assertThat(spec).hasSize(ApiVersion.values().length);
    }

    @Test
    void theGeneratedHeaderEnumAndTheTypedEnumAgree() {
        assertThat(Arrays.stream(ApiVersion.values()).map(ApiVersion::headerValue))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ScpApiVersion.values())
                        .filter(v -> v.getValue() != null && v.getValue().startsWith("virtualserver"))
                        .map(ScpApiVersion::getValue).toList());
    }

    @Test
    void latestIsTheCurrentVersion() throws Exception {
        String current = specVersions().stream().filter(v -> v.get("status").asText().equals("CURRENT"))
                .map(v -> v.get("version").asText()).findFirst().orElseThrow();

        assertThat(ApiVersion.latest().number()).isEqualTo(current);
        assertThat(ImageVersion.latest().version()).isEqualTo(ApiVersion.latest());
    }

    @Test
    void eachImageVersionReturnsTheTypeOfItsVersionsSchema() throws Exception {
        Map<ApiVersion, String> typeNames = new LinkedHashMap<>();
        for (Field f : ImageVersion.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ImageVersion.class) {
                ImageVersion<?> token = (ImageVersion<?>) f.get(null);
                assertThat(f.getName()).isEqualTo(token.version().name());
                typeNames.put(token.version(), token.responseType().getSimpleName());
            }
        }
        Map<ApiVersion, String> schemas = new LinkedHashMap<>();
        for (JsonNode v : specVersions()) {
            schemas.put(ApiVersion.fromValue(v.get("version").asText()).orElseThrow(), v.get("schema").asText());
        }
        assertThat(typeNames).containsExactlyInAnyOrderEntriesOf(schemas);
    }
}
