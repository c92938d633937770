package io.github.scptoolkit.image.client;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpSchema;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The rules a 200 body must keep, read from the spec's schemas ({@link ScpOperation#responseSchema}
 * of the version asked for, else {@link ScpOperation#responseModel()}) and compiled once per
 * operation and version: every property the schema {@code required}s is present, {@code null}
 * appears only where the schema says {@code nullable}, a {@code date} or {@code date-time} string
 * is not empty; the same, recursively, for nested objects ({@code ref}) and arrays of objects.
 * Anything else is left to binding, which stays lenient: unknown properties and values a newer
 * server may send (new enum-ish values, new fields) are accepted.
 *
 * <p>The check is one streaming pass over the body's tokens, before it is bound, and names the
 * first field that breaks a rule by its path:
 * <pre>
 * ResponseContract.of(ScpApi.SHOW_IMAGE, Optional.of(version)).orElseThrow().violation(parser);
 * // "required field 'name' is missing", "field 'versions[1].links' is null but not nullable"
 * </pre>
 */
final class ResponseContract {

    /** The compiled rules of each schema the operations' 200 bodies use, by schema name. */
    private static final Map<String, ResponseContract> BY_SCHEMA = new HashMap<>();
    /** By operationId: the rules of each version's 200 schema. */
    private static final Map<String, Map<ScpServiceVersion, ResponseContract>> BY_VERSION = new HashMap<>();
    /** By operationId: the rules of the model the 200 body binds to. */
    private static final Map<String, ResponseContract> BY_MODEL = new HashMap<>();

    static {
        for (ScpOperation op : ScpApi.operations()) {
            if (op.responseModel() != null) {
                BY_MODEL.put(op.operationId(), compile(op.responseModel()));
            }
            Map<ScpServiceVersion, ResponseContract> versions = new EnumMap<>(ScpServiceVersion.class);
            op.responseSchemas().forEach((version, schema) -> versions.put(version, compile(schema)));
            BY_VERSION.put(op.operationId(), versions);
        }
    }

    /** What a property's value must be, beyond its presence. */
    private enum Kind { VALUE, TEMPORAL, OBJECT, OBJECTS }

    /**
     * One property's rules.
     *
     * @param requiredIndex its index among the schema's required properties, or -1
     * @param nested for {@code OBJECT} and {@code OBJECTS}, the rules of the object(s)
     */
    private record Rule(String name, int requiredIndex, boolean nullable, Kind kind, String format,
            ResponseContract nested) {
    }

    private final String schema;
    private final Map<String, Rule> rules = new HashMap<>();
    private String[] required = new String[0];

    private ResponseContract(String schema) {
        this.schema = schema;
    }

    /**
     * The rules a 200 body of {@code operation} must keep when asked in {@code version}: that
     * version's schema, or the operation's model (unversioned, or a version the spec gives no
     * schema); empty when the operation has no 200 schema.
     */
    static Optional<ResponseContract> of(ScpOperation operation, Optional<ScpServiceVersion> version) {
        Map<ScpServiceVersion, ResponseContract> versions = BY_VERSION.get(operation.operationId());
        ResponseContract forVersion = version.isPresent() && versions != null ? versions.get(version.get()) : null;
        return Optional.ofNullable(forVersion != null ? forVersion : BY_MODEL.get(operation.operationId()));
    }

    /** The name of the schema these rules come from. */
    String schema() {
        return schema;
    }

    /**
     * What is wrong with the JSON object whose {@code START_OBJECT} the parser is at, naming the
     * field; null when it keeps the rules. Reads to the end of that object.
     *
     * @throws IOException when the body is not well-formed JSON
     */
    String violation(JsonParser parser) throws IOException {
        Violation v = checkObject(parser);
        return v == null ? null : v.toString();
    }

    private Violation checkObject(JsonParser p) throws IOException {
        boolean[] seen = required.length == 0 ? null : new boolean[required.length];
        int missing = required.length;
        for (JsonToken token = p.nextToken(); token == JsonToken.FIELD_NAME; token = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            Rule rule = rules.get(name);
            if (rule == null) {
                p.skipChildren();   // a property this schema does not describe: accepted, not checked
                continue;
            }
            if (rule.requiredIndex() >= 0 && !seen[rule.requiredIndex()]) {
                seen[rule.requiredIndex()] = true;
                missing--;
            }
            Violation v = checkValue(p, value, rule);
            if (v != null) {
                return v.inField(name);
            }
        }
        if (missing > 0) {
            for (int i = 0; i < required.length; i++) {
                if (!seen[i]) {
                    return Violation.missing(required[i]);
                }
            }
        }
        return null;
    }

    private static Violation checkValue(JsonParser p, JsonToken value, Rule rule) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return rule.nullable() ? null : Violation.isNull();
        }
        switch (rule.kind()) {
            case TEMPORAL -> {
                if (value == JsonToken.VALUE_STRING && p.getText().isBlank()) {
                    return Violation.empty(rule.format());
                }
            }
            case OBJECT -> {
                if (value == JsonToken.START_OBJECT) {
                    return rule.nested().checkObject(p);
                }
            }
            case OBJECTS -> {
                if (value == JsonToken.START_ARRAY) {
                    return checkItems(p, rule.nested());
                }
            }
            default -> {
                // a value of any other kind: binding decides whether it fits the type
            }
        }
        p.skipChildren();
        return null;
    }

    private static Violation checkItems(JsonParser p, ResponseContract items) throws IOException {
        int index = 0;
        for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY && item != null; item = p.nextToken(), index++) {
            Violation v = null;
            if (item == JsonToken.VALUE_NULL) {
                v = Violation.isNull();
            } else if (item == JsonToken.START_OBJECT) {
                v = items.checkObject(p);
            } else {
                p.skipChildren();
            }
            if (v != null) {
                return v.atIndex(index);
            }
        }
        return null;
    }

    private static ResponseContract compile(ScpSchema schema) {
        ResponseContract known = BY_SCHEMA.get(schema.name());
        if (known != null) {
            return known;
        }
        ResponseContract compiled = new ResponseContract(schema.name());
        BY_SCHEMA.put(schema.name(), compiled);   // before its fields: a schema may refer to itself
        List<ScpField> required = schema.requiredFields();
        compiled.required = required.stream().map(ScpField::name).toArray(String[]::new);
        for (ScpField field : schema.fields()) {
            ResponseContract nested = field.ref() == null ? null
                    : ScpApi.schema(field.ref()).map(ResponseContract::compile).orElse(null);
            compiled.rules.put(field.name(), new Rule(field.name(), required.indexOf(field), field.nullable(),
                    kind(field, nested), field.format(), nested));
        }
        return compiled;
    }

    private static Kind kind(ScpField field, ResponseContract nested) {
        if (nested != null && field.type() == ScpField.Type.OBJECT) {
            return Kind.OBJECT;
        }
        if (nested != null && field.type() == ScpField.Type.ARRAY && field.itemType() == ScpField.Type.OBJECT) {
            return Kind.OBJECTS;
        }
        if (field.type() == ScpField.Type.STRING && ("date-time".equals(field.format()) || "date".equals(field.format()))) {
            return Kind.TEMPORAL;
        }
        return Kind.VALUE;
    }

    /** The first broken rule: what is wrong and where (a path built on the way out, e.g. {@code versions[1].links}). */
    private static final class Violation {
        private final String what;
        private final boolean missing;
        private String path = "";

        private Violation(String what, boolean missing) {
            this.what = what;
            this.missing = missing;
        }

        static Violation missing(String name) {
            return new Violation("is missing", true).inField(name);
        }

        static Violation isNull() {
            return new Violation("is null but not nullable", false);
        }

        static Violation empty(String format) {
            return new Violation("is empty, not a " + format, false);
        }

        Violation inField(String name) {
            path = path.isEmpty() ? name : path.startsWith("[") ? name + path : name + "." + path;
            return this;
        }

        Violation atIndex(int index) {
            path = "[" + index + "]" + (path.isEmpty() || path.startsWith("[") ? path : "." + path);
            return this;
        }

        @Override
        public String toString() {
            return (missing ? "required field '" : "field '") + path + "' " + what;
        }
    }
}
