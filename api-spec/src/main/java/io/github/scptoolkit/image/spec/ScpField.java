package io.github.scptoolkit.image.spec;

/**
 * One property of a schema, with the rules a body must keep: whether it must be present
 * ({@code required}), whether it may be {@code null} ({@code nullable}), its JSON type and
 * format, and for objects and arrays of objects the schema of the value ({@code ref}).
 *
 * <pre>
 * ScpField f = schema.field("created_at").orElseThrow();
 * f.required();   // true
 * f.format();     // "date-time"
 * </pre>
 *
 * @param name the JSON name
 * @param type the JSON type
 * @param format the OpenAPI format ({@code date-time}, {@code int64}, ...), or null
 * @param required whether a body must carry it
 * @param nullable whether its value may be {@code null}
 * @param ref for an object, or an array of objects, the name of that object's schema; else null
 * @param itemType for an array, the type of its items; else null
 * @param minLength for a string, the minimum length, or null
 * @param maxLength for a string, the maximum length, or null
 * @param pattern for a string, the pattern it must match, or null
 */
public record ScpField(String name, Type type, String format, boolean required, boolean nullable, String ref,
        Type itemType, Integer minLength, Integer maxLength, String pattern) {

    /** A JSON type. */
    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY }
}
