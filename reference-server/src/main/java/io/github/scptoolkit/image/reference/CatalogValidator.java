package io.github.scptoolkit.image.reference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.PathType;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import io.github.scptoolkit.image.spec.ScpApi;
import tools.jackson.databind.JsonNode;

/**
 * Checks a catalog document against the spec before any of it is served: each entry is
 * {@code {"image": {...}, "members": [...]}}, and each {@code image} must validate against the
 * model Show Image's 200 body binds to ({@link ScpApi#SHOW_IMAGE}'s {@code x-resource}: every field
 * of every version, as the generators read the spec; OpenAPI 3.0 dialect: types, formats,
 * {@code required}, {@code nullable}) and use no field that model does not define. A field only
 * newer versions send is accepted as soon as the spec defines it (the stub then leaves it out of
 * older versions' answers). Every problem names the entry (index and id) and the field.
 *
 * <pre>
 * List&lt;String&gt; problems = new CatalogValidator().validate(mapper.readTree(file));
 * // ["catalog[2] (id 'c0ffee00-...'): field 'size': string found, integer expected"]
 * </pre>
 */
final class CatalogValidator {

    /** The model every catalog image is checked against: Show Image's 200 body, all versions' fields. */
    static final String SCHEMA = ScpApi.SHOW_IMAGE.resource();

    private static final Set<String> ENTRY_FIELDS = Set.of("image", "members");

    private final Schema schema;
    private final Set<String> imageFields;

    CatalogValidator() {
        // The spec's schemas carry x-extensible-enum (known values, documentation only).
        Dialect dialect = Dialect.builder(Dialects.getOpenApi30())
                .keyword(new AnnotationKeyword("x-extensible-enum")).build();
        SchemaRegistry registry = SchemaRegistry.withDialect(dialect, builder -> builder.schemaRegistryConfig(
                SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
        this.schema = registry.getSchema(SchemaLocation.of(
                "classpath:" + ScpApi.SPEC_CODEGEN_JSON.substring(1) + "#/components/schemas/" + SCHEMA));
        this.imageFields = ScpApi.SHOW_IMAGE.responseModel().fieldNames();
        if (imageFields.isEmpty()) {
            throw new IllegalStateException("the spec defines no properties for " + SCHEMA);
        }
    }

    /** Every problem of {@code catalog}, in document order; empty when it can be served. */
    List<String> validate(JsonNode catalog) {
        List<String> problems = new ArrayList<>();
        if (!catalog.isArray()) {
            problems.add("the catalog must be a JSON array of entries {\"image\": {...}, \"members\": [...]}");
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < catalog.size(); i++) {
            JsonNode entry = catalog.get(i);
            JsonNode image = entry.path("image");
            String where = "catalog[" + i + "]" + (image.path("id").isString() ? " (id '" + image.path("id").asString() + "')" : "");
            validateEntry(entry, where, problems);
            if (image.path("id").isString() && !ids.add(image.path("id").asString())) {
                problems.add(where + ": field 'image.id' repeats an earlier entry's id");
            }
        }
        return problems;
    }

    /**
     * Every problem of one entry added to a running emulator (the test kit's images), each starting
     * with {@code entry (id '...')}; empty when it can be served.
     */
    List<String> validateEntry(JsonNode entry) {
        List<String> problems = new ArrayList<>();
        JsonNode id = entry.path("image").path("id");
        validateEntry(entry, "entry" + (id.isString() ? " (id '" + id.asString() + "')" : ""), problems);
        return problems;
    }

    private void validateEntry(JsonNode entry, String where, List<String> problems) {
        if (!entry.isObject()) {
            problems.add(where + ": an entry must be an object {\"image\": {...}, \"members\": [...]}");
            return;
        }
        for (String field : entry.propertyNames()) {
            if (!ENTRY_FIELDS.contains(field)) {
                problems.add(where + ": field '" + field + "' is not a catalog entry field (image, members)");
            }
        }
        JsonNode members = entry.path("members");
        if (!members.isMissingNode() && !isArrayOfStrings(members)) {
            problems.add(where + ": field 'members' must be an array of project ids");
        }
        JsonNode image = entry.path("image");
        if (!image.isObject()) {
            problems.add(where + ": field 'image' is required and must be an object (the Show Image body)");
            return;
        }
        for (String field : image.propertyNames()) {
            if (!imageFields.contains(field)) {
                problems.add(where + ": field 'image." + field + "' is not defined by the spec's " + SCHEMA);
            }
        }
        for (Error error : schema.validate(image)) {
            problems.add(where + ": field '" + field(error) + "': " + message(error));
        }
    }

    private static boolean isArrayOfStrings(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode member : node) {
            if (!member.isString() || member.asString().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The field an error is about, as {@code image.size}; for {@code required}, the missing property. */
    private static String field(Error error) {
        String location = error.getInstanceLocation().toString(); // "$" or "$.size"
        String path = location.startsWith("$") ? location.substring(1) : location;
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            path = path + "." + error.getProperty();
        }
        return "image" + path;
    }

    /** The validator's message without the instance location it starts with. */
    private static String message(Error error) {
        String message = error.getMessage();
        String location = error.getInstanceLocation().toString();
        return message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message;
    }
}
