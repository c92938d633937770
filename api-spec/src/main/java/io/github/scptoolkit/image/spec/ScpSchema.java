package io.github.scptoolkit.image.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A schema of the spec with its {@code allOf} parts merged: its fields in the spec's order.
 *
 * <pre>
 * ScpSchema shape = ScpApi.SHOW_IMAGE.responseSchema(ScpServiceVersion.getLatest()).orElseThrow();
 * shape.fieldNames();   // [checksum, container_format, ...]
 * </pre>
 *
 * @param name the schema's name in {@code components/schemas}
 * @param fields its fields, in the spec's order
 */
public record ScpSchema(String name, List<ScpField> fields) {

    public ScpSchema {
        fields = List.copyOf(fields);
    }

    /** The field with this JSON name. */
    public Optional<ScpField> field(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    /** The JSON names of the fields, in the spec's order. */
    public Set<String> fieldNames() {
        return fields.stream().map(ScpField::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The fields a body must carry. */
    public List<ScpField> requiredFields() {
        return fields.stream().filter(ScpField::required).toList();
    }

    private Map<String, ScpField> byName() {
        return fields.stream().collect(Collectors.toMap(ScpField::name, Function.identity()));
    }
}
