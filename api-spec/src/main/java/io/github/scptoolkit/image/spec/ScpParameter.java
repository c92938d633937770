package io.github.scptoolkit.image.spec;

/**
 * One parameter of an operation.
 *
 * <pre>
 * ScpParameter p = op.parameters().get(0);
 * p.name();        // "image_id"
 * p.maxLength();   // 255
 * </pre>
 *
 * @param name the parameter's name (a header's name as the spec spells it)
 * @param in where it goes
 * @param required whether a request must carry it
 * @param minLength for a string, the minimum length, or null
 * @param maxLength for a string, the maximum length, or null
 * @param pattern for a string, the pattern it must match, or null
 */
public record ScpParameter(String name, In in, boolean required, Integer minLength, Integer maxLength,
        String pattern) {

    /** Where a parameter goes. */
    public enum In { PATH, QUERY, HEADER, COOKIE }
}
