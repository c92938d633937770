package io.github.scptoolkit.image.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the vendor's versioning promise on a spec: each version's 200 schema (named in the
 * operation's {@code x-api-versions}) only ADDS to the previous version's. For every consecutive
 * pair (1.0→1.1, 1.1→1.2, ...), a reader of the older shape must be able to read the newer one, so
 * no property of the older schema may be
 * <ul>
 * <li>removed,</li>
 * <li>retyped (type or format changed, recursively in objects and array items),</li>
 * <li>made nullable when it was not (an old reader never expected null there), or</li>
 * <li>no longer required.</li>
 * </ul>
 * A newer version may add properties, required or not, and may make a nullable property non-null.
 */
final class SchemaCompatibility {

    private static final String OPERATION = "/v1/images/{image_id}";

    private SchemaCompatibility() {
    }

    /** The consecutive version pairs of {@code spec}, oldest first, e.g. ["1.0→1.1", ...]. */
    static List<String> pairs(JsonNode spec) {
        List<JsonNode> versions = versions(spec);
        List<String> pairs = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            pairs.add(versions.get(i - 1).path("version").asText() + "→" + versions.get(i).path("version").asText());
        }
        return pairs;
    }

    /** Every break of the promise in {@code spec}, as readable lines (empty when it holds). */
    static List<String> breaks(JsonNode spec) {
        List<JsonNode> versions = versions(spec);
        List<String> breaks = new ArrayList<>();
        for (int i = 1; i < versions.size(); i++) {
            JsonNode older = versions.get(i - 1);
            JsonNode newer = versions.get(i);
            String pair = older.path("version").asText() + "→" + newer.path("version").asText() + " ("
                    + older.path("schema").asText() + "→" + newer.path("schema").asText() + ")";
            compare(spec, schema(spec, older.path("schema").asText()), schema(spec, newer.path("schema").asText()),
                    pair + " ", breaks);
        }
        return breaks;
    }

    private static List<JsonNode> versions(JsonNode spec) {
        List<JsonNode> versions = new ArrayList<>();
        spec.path("paths").path(OPERATION).path("get").path("x-api-versions").forEach(versions::add);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("the spec has no x-api-versions on GET " + OPERATION);
        }
        versions.sort(Comparator.comparing((JsonNode v) -> number(v, 0)).thenComparing(v -> number(v, 1)));
        return versions;
    }

    private static int number(JsonNode version, int part) {
        return Integer.parseInt(version.path("version").asText().split("\\.")[part]);
    }

    private static JsonNode schema(JsonNode spec, String name) {
        JsonNode schema = spec.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("x-api-versions names a schema the spec does not define: " + name);
        }
        return schema;
    }

    /** A schema with $ref followed and allOf merged: its own keywords, all properties, all required names. */
    private record Flat(JsonNode node, Map<String, JsonNode> properties, Set<String> required) {
        String type() {
            return node.path("type").asText(properties.isEmpty() ? "" : "object");
        }
    }

    private static Flat flatten(JsonNode spec, JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return flatten(spec, schema(spec, ref.substring(ref.lastIndexOf('/') + 1)));
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode part : schema.path("allOf")) {
            Flat flat = flatten(spec, part);
            properties.putAll(flat.properties());
            required.addAll(flat.required());
        }
        schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        schema.path("required").forEach(r -> required.add(r.asText()));
        return new Flat(schema, properties, required);
    }

    private static void compare(JsonNode spec, JsonNode olderSchema, JsonNode newerSchema, String at, List<String> breaks) {
        Flat older = flatten(spec, olderSchema);
        Flat newer = flatten(spec, newerSchema);
        if (!older.type().equals(newer.type())) {
            breaks.add(at + "retyped: " + older.type() + " → " + newer.type());
            return;
        }
        if (!Objects.equals(older.node().path("format").asText(null), newer.node().path("format").asText(null))) {
            breaks.add(at + "format changed: " + older.node().path("format").asText("(none)") + " → "
                    + newer.node().path("format").asText("(none)"));
        }
        if (!older.node().path("nullable").asBoolean(false) && newer.node().path("nullable").asBoolean(false)) {
            breaks.add(at + "became nullable");
        }
        for (Map.Entry<String, JsonNode> property : older.properties().entrySet()) {
            String name = property.getKey();
            JsonNode newerProperty = newer.properties().get(name);
            if (newerProperty == null) {
                breaks.add(at + name + ": removed");
                continue;
            }
            compare(spec, property.getValue(), newerProperty, at + name + ": ", breaks);
        }
        for (String name : older.required()) {
            if (!newer.required().contains(name)) {
                breaks.add(at + name + ": no longer required");
            }
        }
        if (older.node().has("items") || newer.node().has("items")) {
            compare(spec, older.node().path("items"), newer.node().path("items"), at + "[items]: ", breaks);
        }
    }
}
