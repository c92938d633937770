package io.github.scptoolkit.image.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The edits {@code docs/contributing.md} tells an API owner to make, applied to a copy of the spec
 * from the guide's own YAML blocks, so that the tests that apply them (here and in it-tests'
 * {@code SpecEvolutionIT}) prove the guide works as written. The guide's example names (version
 * 1.4, {@code scp_secure_boot}, ...) are renamed when the spec already has them, so that the
 * tests keep passing after the API owner has really made such an edit.
 *
 * <pre>
 * ContributingGuide.Edit edit = ContributingGuide.addVersion(spec);
 * edit.version();   // the version added, the CURRENT one's successor
 * </pre>
 */
public final class ContributingGuide {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The guide's sections whose YAML blocks are applied: {@link #addVersion}, {@link #addErrorCode}, {@link #addOperation}. */
    public static final List<String> SECTIONS = List.of("## Add a version", "## Add an error code", "## Add an operation");

    /** What an edit added: the version, the schema and the field (for {@link #addVersion}). */
    public record Edit(String version, String schema, String field) {
    }

    private ContributingGuide() {
    }

    /** The guide, found from the working directory (a module's directory or the project's). */
    public static Path file() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path guide = d.resolve("docs/contributing.md");
            if (Files.isRegularFile(guide)) {
                return guide;
            }
        }
        throw new IllegalStateException("docs/contributing.md not found above " + dir);
    }

    /** The YAML blocks of the guide's section {@code heading} ("## Add a version"), in order. */
    public static List<String> yamlBlocks(String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> blocks = new ArrayList<>();
        boolean inSection = false;
        StringBuilder block = null;
        int indent = 0;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inSection = line.equals(heading);
                continue;
            }
            if (!inSection) {
                continue;
            }
            String trimmed = line.strip();
            if (block == null && trimmed.equals("```yaml")) {
                block = new StringBuilder();
                indent = line.indexOf('`');
            } else if (block != null && trimmed.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalStateException("docs/contributing.md has no YAML blocks under '" + heading + "'");
        }
        return blocks;
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a version as "## Add a version" says: the CURRENT version's successor becomes CURRENT (the
     * old one SUPPORTED), with the guide's schema extending the schema Show Image answers in the old
     * CURRENT version, and the guide's new field (renamed if the spec has it already).
     */
    public static Edit addVersion(JsonNode spec) {
        List<String> blocks = yamlBlocks("## Add a version");
        JsonNode entry = yaml(blocks.get(0)).get(0);
        JsonNode schemas = yaml(blocks.get(1));
        JsonNode mapping = yaml(blocks.get(2));
        String guideVersion = entry.path("version").asText();
        String guideSchema = schemas.properties().iterator().next().getKey();
        ObjectNode schema = ((ObjectNode) schemas.get(guideSchema)).deepCopy();
        ObjectNode additions = (ObjectNode) schema.path("allOf").get(1);
        String guideField = additions.path("properties").properties().iterator().next().getKey();

        ArrayNode versions = (ArrayNode) spec.path("info").path("x-api-versions");
        String current = null;
        for (JsonNode v : versions) {
            if (v.path("status").asText().equals("CURRENT")) {
                current = v.path("version").asText();
                ((ObjectNode) v).put("status", "SUPPORTED");
            }
        }
        String version = next(current);
        ObjectNode operation = (ObjectNode) spec.path("paths").path(ScpApi.SHOW_IMAGE.path())
                .path(ScpApi.SHOW_IMAGE.method().toLowerCase(java.util.Locale.ROOT));
        String previousSchema = schemaOf(operation.path("x-version-schemas"), versions, current);
        String schemaName = guideSchema.equals(schemaNameFor(guideVersion)) ? schemaNameFor(version) : guideSchema;
        while (spec.path("components").path("schemas").has(schemaName)) {
            schemaName = schemaName + "X";
        }
        String field = guideField;
        while (hasField(spec, field)) {
            field = field + "_2";
        }

        ObjectNode newEntry = ((ObjectNode) entry).deepCopy().put("version", version);
        versions.insert(0, newEntry);
        ((ObjectNode) schema.path("allOf").get(0)).put("$ref", "#/components/schemas/" + previousSchema);
        JsonNode definition = additions.path("properties").get(guideField);
        ObjectNode properties = additions.putObject("properties");
        properties.set(field, definition);
        if (schema.has("title")) {
            schema.put("title", schemaName);
        }
        ((ObjectNode) spec.path("components").path("schemas")).set(schemaName, schema);
        String mapped = mapping.properties().iterator().next().getKey();
        if (!mapped.equals(guideVersion) || !mapping.path(mapped).asText().equals(guideSchema)) {
            throw new IllegalStateException("the guide's x-version-schemas block must map " + guideVersion + " to "
                    + guideSchema);
        }
        ((ObjectNode) operation.path("x-version-schemas")).put(version, schemaName);
        return new Edit(version, schemaName, field);
    }

    /** Adds the guide's error code ("## Add an error code"); returns the code added. */
    public static String addErrorCode(JsonNode spec) {
        ObjectNode code = ((ObjectNode) yaml(yamlBlocks("## Add an error code").get(0)).get(0)).deepCopy();
        ArrayNode codes = (ArrayNode) spec.path("components").path("schemas").path("ProblemCode").path("x-problem-codes");
        String name = code.path("code").asText();
        while (contains(codes, name)) {
            name = name + "_2";
        }
        codes.add(code.put("code", name));
        return name;
    }

    /** Adds the guide's operation and its schemas ("## Add an operation"); returns its operationId. */
    public static String addOperation(JsonNode spec) {
        List<String> blocks = yamlBlocks("## Add an operation");
        JsonNode paths = yaml(blocks.get(0));
        ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
        String operationId = null;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (spec.path("paths").has(path.getKey())) {
                throw new IllegalStateException("the spec already has the guide's path " + path.getKey());
            }
            ((ObjectNode) spec.path("paths")).set(path.getKey(), path.getValue());
            for (JsonNode op : path.getValue()) {
                operationId = op.path("operationId").asText(operationId);
            }
        }
        for (int i = 1; i < blocks.size(); i++) {
            for (Map.Entry<String, JsonNode> schema : yaml(blocks.get(i)).properties()) {
                schemas.set(schema.getKey(), schema.getValue());
            }
        }
        return operationId;
    }

    /** {@code 1.3} → {@code 1.4}. */
    static String next(String version) {
        int dot = version.indexOf('.');
        return version.substring(0, dot + 1) + (Integer.parseInt(version.substring(dot + 1)) + 1);
    }

    /** The naming the vendor uses: {@code 1.4} → {@code ImageShowResponseV1Dot4}. */
    static String schemaNameFor(String version) {
        return "ImageShowResponseV" + version.replace(".", "Dot");
    }

    private static String schemaOf(JsonNode listed, ArrayNode versions, String version) {
        List<String> numbers = new ArrayList<>();
        versions.forEach(v -> numbers.add(v.path("version").asText()));
        numbers.sort(java.util.Comparator.comparing((String v) -> Integer.parseInt(v.split("\\.")[0]))
                .thenComparing(v -> Integer.parseInt(v.split("\\.")[1])));
        String schema = null;
        for (String v : numbers) {
            if (listed.has(v)) {
                schema = listed.get(v).asText();
            }
            if (v.equals(version)) {
                return schema;
            }
        }
        throw new IllegalStateException("no schema for " + version);
    }

    private static boolean hasField(JsonNode spec, String field) {
        for (JsonNode schema : spec.path("components").path("schemas")) {
            if (schema.path("properties").has(field)) {
                return true;
            }
            for (JsonNode part : schema.path("allOf")) {
                if (part.path("properties").has(field)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(ArrayNode codes, String code) {
        for (JsonNode c : codes) {
            if (c.path("code").asText().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
