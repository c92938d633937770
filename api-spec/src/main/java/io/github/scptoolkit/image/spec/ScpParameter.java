package io.github.scptoolkit.image.spec;

/**
 * One parameter of an operation.
 *
 * <pre>
 * ScpParameter p = op.parameters().get(0);
 * p.name();        // "image_id"
 * p.maxLength();   // 255
 * p.singleValued(); // false: a path parameter
 * </pre>
 *
 * @param name the parameter's name (a header's name as the spec spells it)
 * @param in where it goes
 * @param required whether a request must carry it
 * @param minLength for a string, the minimum length, or null
 * @param maxLength for a string, the maximum length, or null
 * @param pattern for a string, the pattern it must match, or null
 * @param multiValued for a header, whether it is a list ({@code x-multi-valued: true}, e.g.
 *        {@code Accept-Language}): repeats and comma-separated values are one list
 */
public record ScpParameter(String name, In in, boolean required, Integer minLength, Integer maxLength,
        String pattern, boolean multiValued) {

    /**
     * Whether this is a header that takes one value: sent more than once, or comma-separated,
     * with values that differ, it is ambiguous (see the spec's API description).
     *
     * @return true for a header parameter not marked {@code x-multi-valued}
     */
    public boolean singleValued() {
        return in == In.HEADER && !multiValued;
    }

    /** Where a parameter goes. */
    public enum In { PATH, QUERY, HEADER, COOKIE }
}
