package io.github.scptoolkit.image.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The spec keeps the vendor's versioning promise (each version only adds to the one before, see
 * {@link SchemaCompatibility}), and the check catches each kind of break in a spoiled copy.
 */
class VersionCompatibilityTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode spec() throws IOException {
        try (InputStream in = VersionCompatibilityTest.class.getResourceAsStream("/openapi/virtualserver-show-image.yaml")) {
            return YAML.readTree(in);
        }
    }

    @Test
    void everyVersionOnlyAddsToThePreviousOne() throws IOException {
        JsonNode spec = spec();

        assertThat(SchemaCompatibility.pairs(spec)).containsExactly("1.0→1.1", "1.1→1.2", "1.2→1.3");
        assertThat(SchemaCompatibility.breaks(spec)).isEmpty();
    }

    @Test
    void addingNothingIsCompatibleToo() throws IOException {
        JsonNode spec = spec();
        ObjectNode withoutGpuDriver = (ObjectNode) additions(spec);
        withoutGpuDriver.with("properties").remove("scp_gpu_driver");
        ((ObjectNode) additions(spec)).putArray("required");

        // 1.2 without its addition is still compatible: adding nothing is allowed.
        assertThat(SchemaCompatibility.breaks(spec)).isEmpty();
    }

    @Test
    void aRemovedPropertyIsCaught() throws IOException {
        JsonNode spec = spec();
        flattenV12Without(spec, "name");

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(
                "1.1→1.2 (ImageShowResponse→ImageShowResponseV1Dot2) name: removed",
                "1.1→1.2 (ImageShowResponse→ImageShowResponseV1Dot2) name: no longer required");
    }

    @Test
    void aRetypedPropertyIsCaught() throws IOException {
        JsonNode spec = spec();
        ((ObjectNode) additions(spec)).with("properties").putObject("min_disk").put("type", "string");

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(
                "1.1→1.2 (ImageShowResponse→ImageShowResponseV1Dot2) min_disk: retyped: integer → string");
    }

    @Test
    void aChangedFormatIsCaught() throws IOException {
        JsonNode spec = spec();
        ((ObjectNode) additions(spec)).with("properties").putObject("size").put("type", "integer")
                .put("format", "int32").put("nullable", true);

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(
                "1.1→1.2 (ImageShowResponse→ImageShowResponseV1Dot2) size: format changed: int64 → int32");
    }

    @Test
    void aPropertyMadeNullableIsCaught() throws IOException {
        JsonNode spec = spec();
        ((ObjectNode) additions(spec)).with("properties").putObject("owner").put("type", "string").put("nullable", true);

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(
                "1.1→1.2 (ImageShowResponse→ImageShowResponseV1Dot2) owner: became nullable");
    }

    @Test
    void aNullablePropertyMadeNonNullIsAllowed() throws IOException {
        JsonNode spec = spec();
        ((ObjectNode) additions(spec)).with("properties").putObject("checksum").put("type", "string");

        assertThat(SchemaCompatibility.breaks(spec)).isEmpty();
    }

    @Test
    void aRequiredPropertyMadeOptionalIsCaught() throws IOException {
        JsonNode spec = spec();
        flattenV12Without(spec, null);
        ArrayNode required = (ArrayNode) spec.path("components").path("schemas").path("ImageShowResponseV1Dot2").path("required");
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asText().equals("id")) {
                required.remove(i);
            }
        }

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(
                "1.1→1.2 (ImageShowResponse→ImageShowResponseV1Dot2) id: no longer required");
    }

    @Test
    void aVersionPointingAtAnOlderShapeIsCaught() throws IOException {
        JsonNode spec = spec();
        // 1.3 answering 1.1's shape would drop 1.2's scp_gpu_driver.
        for (JsonNode version : spec.path("paths").path("/v1/images/{image_id}").path("get").path("x-api-versions")) {
            if (version.path("version").asText().equals("1.3")) {
                ((ObjectNode) version).put("schema", "ImageShowResponse");
            }
        }

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(
                "1.2→1.3 (ImageShowResponseV1Dot2→ImageShowResponse) scp_gpu_driver: removed",
                "1.2→1.3 (ImageShowResponseV1Dot2→ImageShowResponse) scp_gpu_driver: no longer required");
    }

    /** The inline allOf part of 1.2's schema (its additions to ImageShowResponse). */
    private static JsonNode additions(JsonNode spec) {
        for (JsonNode part : spec.path("components").path("schemas").path("ImageShowResponseV1Dot2").path("allOf")) {
            if (!part.has("$ref")) {
                return part;
            }
        }
        throw new IllegalStateException("ImageShowResponseV1Dot2 has no inline allOf part");
    }

    /** Replaces 1.2's allOf by a flat copy of 1.1's properties and required list, less {@code drop}. */
    private static void flattenV12Without(JsonNode spec, String drop) {
        ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
        ObjectNode flat = schemas.objectNode().put("type", "object");
        ObjectNode properties = ((ObjectNode) schemas.path("ImageShowResponse").path("properties")).deepCopy();
        properties.setAll((ObjectNode) additions(spec).path("properties"));
        ArrayNode required = flat.putArray("required");
        schemas.path("ImageShowResponse").path("required").forEach(r -> {
            if (!r.asText().equals(drop)) {
                required.add(r);
            }
        });
        if (drop != null) {
            properties.remove(drop);
        }
        flat.set("properties", properties);
        schemas.set("ImageShowResponseV1Dot2", flat);
    }
}
