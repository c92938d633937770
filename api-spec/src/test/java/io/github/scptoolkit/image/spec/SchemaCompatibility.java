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
 * Checks the vendor's versioning promise on a spec: for every versioned operation, each version's
 * 200 schema (from the operation's {@code x-version-schemas}, a version not listed answering like
 * the nearest earlier one) only ADDS to the previous version's. For every consecutive pair of the
 * service's versions (1.0→1.1, 1.1→1.2, ...), a reader of the older shape must be able to read the
 * newer one, so no property of the older schema may be
 * <ul>
 * <li>removed,</li>
 * <li>retyped (type or format changed, recursively in objects and array items),</li>
 * <li>made nullable when it was not (an old reader never expected null there), or</li>
 * <li>no longer required.</li>
 * </ul>
 * A newer version may add properties, required or not, and may make a nullable property non-null.
 */
final class SchemaCompatibility {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private SchemaCompatibility() {
    }

    /** One version of one operation and its 200 schema. */
    record Shape(String operation, String version, String schema) {
    }

    /** The consecutive version pairs of {@code spec}'s versioned operations, oldest first, e.g. ["1.0→1.1", ...]. */
    static List<String> pairs(JsonNode spec) {
        List<String> pairs = new ArrayList<>();
        for (List<Shape> shapes : shapes(spec).values()) {
            for (int i = 1; i < shapes.size(); i++) {
                pairs.add(shapes.get(i - 1).version() + "→" + shapes.get(i).version());
            }
        }
        return pairs;
    }

    /** Every break of the promise in {@code spec}, as readable lines (empty when it holds). */
    static List<String> breaks(JsonNode spec) {
        List<String> breaks = new ArrayList<>();
        for (List<Shape> shapes : shapes(spec).values()) {
            for (int i = 1; i < shapes.size(); i++) {
                Shape older = shapes.get(i - 1);
                Shape newer = shapes.get(i);
                String pair = older.version() + "→" + newer.version() + " (" + older.schema() + "→" + newer.schema() + ")";
                compare(spec, schema(spec, older.schema()), schema(spec, newer.schema()), pair + " ", breaks);
            }
        }
        return breaks;
    }

    /** The service's versions as the spec lists them (info.x-api-versions), oldest first. */
    static List<String> versions(JsonNode spec) {
        List<String> versions = new ArrayList<>();
        spec.path("info").path("x-api-versions").forEach(v -> versions.add(v.path("version").asText()));
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("the spec has no info.x-api-versions");
        }
        versions.sort(Comparator.comparing((String v) -> number(v, 0)).thenComparing(v -> number(v, 1)));
        return versions;
    }

    /** For each versioned operation ("GET /path"), the 200 schema of each version it exists in, oldest first. */
    static Map<String, List<Shape>> shapes(JsonNode spec) {
        List<String> versions = versions(spec);
        Map<String, List<Shape>> all = new LinkedHashMap<>();
        spec.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode listed = path.getValue().path(method).path("x-version-schemas");
                if (!listed.isObject()) {
                    continue;
                }
                String operation = method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                List<Shape> shapes = new ArrayList<>();
                String schema = null;
                for (String version : versions) {
                    if (listed.has(version)) {
                        schema = listed.get(version).asText();
                    }
                    if (schema != null) {
                        shapes.add(new Shape(operation, version, schema));
                    }
                }
                all.put(operation, shapes);
            }
        });
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the spec has no operation with x-version-schemas");
        }
        return all;
    }

    private static int number(String version, int part) {
        return Integer.parseInt(version.split("\\.")[part]);
    }

    private static JsonNode schema(JsonNode spec, String name) {
        JsonNode schema = spec.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("x-version-schemas names a schema the spec does not define: " + name);
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
