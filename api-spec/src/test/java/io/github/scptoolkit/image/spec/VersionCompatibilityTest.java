package io.github.scptoolkit.image.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The spec keeps the vendor's versioning promise (each version only adds to the one before, see
 * {@link SchemaCompatibility}), and the check catches each kind of break in a spoiled copy. The
 * spoiled copies change the first schema that adds to an older one (today 1.2's
 * {@code ImageShowResponseV1Dot2} over 1.1's {@code ImageShowResponse}), found in the spec, so that
 * adding versions does not change what these tests prove.
 */
class VersionCompatibilityTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode spec() throws IOException {
        try (InputStream in = VersionCompatibilityTest.class.getResourceAsStream(ScpApi.SPEC_YAML)) {
            return YAML.readTree(in);
        }
    }

    /** The first pair of consecutive versions of Show Image whose schemas differ: [older, newer]. */
    private static SchemaCompatibility.Shape[] firstChange(JsonNode spec) {
        List<SchemaCompatibility.Shape> shapes = SchemaCompatibility.shapes(spec).get(
                ScpApi.SHOW_IMAGE.method() + " " + ScpApi.SHOW_IMAGE.path());
        for (int i = 1; i < shapes.size(); i++) {
            if (!shapes.get(i - 1).schema().equals(shapes.get(i).schema())) {
                return new SchemaCompatibility.Shape[] {shapes.get(i - 1), shapes.get(i)};
            }
        }
        throw new IllegalStateException("no version of Show Image changes its schema");
    }

    private static String pair(SchemaCompatibility.Shape[] change) {
        return change[0].version() + "→" + change[1].version() + " (" + change[0].schema() + "→" + change[1].schema() + ") ";
    }

    @Test
    void everyVersionOnlyAddsToThePreviousOne() throws IOException {
        JsonNode spec = spec();
        List<String> expected = new ArrayList<>();
        for (ScpOperation op : ScpApi.operations()) {
            List<ScpServiceVersion> versions = op.versions().stream().sorted().toList();
            for (int i = 1; i < versions.size(); i++) {
                expected.add(versions.get(i - 1).getVersion() + "→" + versions.get(i).getVersion());
            }
        }

        assertThat(SchemaCompatibility.pairs(spec)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(SchemaCompatibility.breaks(spec)).isEmpty();
    }

    @Test
    void addingNothingIsCompatibleToo() throws IOException {
        JsonNode spec = spec();
        ObjectNode additions = (ObjectNode) additions(spec, firstChange(spec)[1].schema());
        additions.putObject("properties");
        additions.putArray("required");

        assertThat(SchemaCompatibility.breaks(spec)).isEmpty();
    }

    @Test
    void aRemovedPropertyIsCaught() throws IOException {
        JsonNode spec = spec();
        SchemaCompatibility.Shape[] change = firstChange(spec);
        flattenWithout(spec, change, "name");

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(
                pair(change) + "name: removed", pair(change) + "name: no longer required");
    }

    @Test
    void aRetypedPropertyIsCaught() throws IOException {
        JsonNode spec = spec();
        SchemaCompatibility.Shape[] change = firstChange(spec);
        ((ObjectNode) additions(spec, change[1].schema())).with("properties").putObject("min_disk").put("type", "string");

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(pair(change) + "min_disk: retyped: integer → string");
    }

    @Test
    void aChangedFormatIsCaught() throws IOException {
        JsonNode spec = spec();
        SchemaCompatibility.Shape[] change = firstChange(spec);
        ((ObjectNode) additions(spec, change[1].schema())).with("properties").putObject("size").put("type", "integer")
                .put("format", "int32").put("nullable", true);

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(pair(change) + "size: format changed: int64 → int32");
    }

    @Test
    void aPropertyMadeNullableIsCaught() throws IOException {
        JsonNode spec = spec();
        SchemaCompatibility.Shape[] change = firstChange(spec);
        ((ObjectNode) additions(spec, change[1].schema())).with("properties").putObject("owner").put("type", "string")
                .put("nullable", true);

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(pair(change) + "owner: became nullable");
    }

    @Test
    void aNullablePropertyMadeNonNullIsAllowed() throws IOException {
        JsonNode spec = spec();
        ((ObjectNode) additions(spec, firstChange(spec)[1].schema())).with("properties").putObject("checksum")
                .put("type", "string");

        assertThat(SchemaCompatibility.breaks(spec)).isEmpty();
    }

    @Test
    void aRequiredPropertyMadeOptionalIsCaught() throws IOException {
        JsonNode spec = spec();
        SchemaCompatibility.Shape[] change = firstChange(spec);
        flattenWithout(spec, change, null);
        ArrayNode required = (ArrayNode) spec.path("components").path("schemas").path(change[1].schema()).path("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asText().equals("id")) {
                required.remove(i);
            }
        }

        assertThat(SchemaCompatibility.breaks(spec)).containsExactly(pair(change) + "id: no longer required");
    }

    @Test
    void aVersionPointingAtAnOlderShapeIsCaught() throws IOException {
        JsonNode spec = spec();
        SchemaCompatibility.Shape[] change = firstChange(spec);
        List<String> versions = SchemaCompatibility.versions(spec);
        org.junit.jupiter.api.Assumptions.assumeTrue(versions.indexOf(change[1].version()) + 1 < versions.size(),
                "the first change is in the newest version");
        String next = versions.get(versions.indexOf(change[1].version()) + 1);
        // The version after the first change answering the older shape drops what that change added.
        ((ObjectNode) spec.path("paths").path(ScpApi.SHOW_IMAGE.path()).path("get").path("x-version-schemas"))
                .put(next, change[0].schema());
        List<String> added = new ArrayList<>(fieldNames(additions(spec, change[1].schema()).path("properties")));

        List<String> breaks = SchemaCompatibility.breaks(spec);
        String at = change[1].version() + "→" + next + " (" + change[1].schema() + "→" + change[0].schema() + ") ";
        for (String field : added) {
            assertThat(breaks).contains(at + field + ": removed");
        }
    }

    /** The inline allOf part of {@code schema} (its additions to the schema it extends). */
    private static JsonNode additions(JsonNode spec, String schema) {
        for (JsonNode part : spec.path("components").path("schemas").path(schema).path("allOf")) {
            if (!part.has("$ref")) {
                return part;
            }
        }
        throw new IllegalStateException(schema + " has no inline allOf part");
    }

    private static List<String> fieldNames(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Replaces the newer schema's allOf by a flat copy of the older one's properties and required list plus its additions, less {@code drop}. */
    private static void flattenWithout(JsonNode spec, SchemaCompatibility.Shape[] change, String drop) {
        ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
        ObjectNode flat = schemas.objectNode().put("type", "object");
        ObjectNode properties = ((ObjectNode) schemas.path(change[0].schema()).path("properties")).deepCopy();
        properties.setAll((ObjectNode) additions(spec, change[1].schema()).path("properties"));
        ArrayNode required = flat.putArray("required");
        schemas.path(change[0].schema()).path("required").forEach(r -> {
            if (!r.asText().equals(drop)) {
                required.add(r);
            }
        });
        if (drop != null) {
            properties.remove(drop);
        }
        flat.set("properties", properties);
        schemas.set(change[1].schema(), flat);
    }
}
