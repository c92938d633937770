package io.github.scptoolkit.image.server;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.ErrorResponseException;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * The header parameters of an operation ({@link ScpOperation#parameters()}, {@code in: header})
 * are single-valued ({@link ScpParameter#singleValued()}), except those the spec marks
 * {@code x-multi-valued} (lists such as {@code Accept-Language}): a header sent
 * more than once, or as a comma-separated list, with values that differ is ambiguous and refused,
 * whatever the operation, before its implementation runs; the same value repeated is that value.
 * The version header is refused as {@code UNSUPPORTED_API_VERSION} ({@link ScpVersionResolver}),
 * any other as {@code INVALID_REQUEST} ({@link #requireUnambiguous}). A client that adds its own
 * version header to the one its SDK sends cannot be served a version it did not mean.
 *
 * <pre>
 * ScpHeaderParameters.Values v = ScpHeaderParameters.values(request, ScpApi.VERSION_HEADER);
 * if (v.ambiguous()) { ... }   // two different versions, e.g. an SDK's own and one the user added
 * </pre>
 */
final class ScpHeaderParameters {

    private ScpHeaderParameters() {
    }

    /**
     * What a request sent for one header: its field lines as received, and the distinct values in
     * them (each line split at commas, trimmed).
     *
     * @param lines every field line of the header, in order (empty when absent)
     * @param distinct the distinct non-empty values, in order
     * @param empties whether a line or list element was empty (e.g. a trailing comma)
     */
    record Values(List<String> lines, Set<String> distinct, boolean empties) {

        /** Whether the header carries two or more different values. */
        boolean ambiguous() {
            return distinct.size() > 1;
        }

        /**
         * The value to act on: the one field line as sent, or, for identical repeats, the one
         * value they repeat; null when absent.
         */
        String single() {
            if (lines.isEmpty()) {
                return null;
            }
            return distinct.size() == 1 && !empties ? distinct.iterator().next() : lines.get(0);
        }

        /** {@code 'a', 'b'}: the distinct values, quoted and made printable, for a problem's detail. */
        String quoted() {
            return distinct.stream().map(v -> "'" + ScpProblems.printable(v) + "'").collect(Collectors.joining(", "));
        }
    }

    /** What the request sent for {@code header}. */
    static Values values(HttpServletRequest request, String header) {
        Enumeration<String> sent = request.getHeaders(header);
        List<String> lines = sent == null ? List.of() : Collections.list(sent);
        if (lines.size() == 1 && lines.get(0).indexOf(',') < 0) {
            return new Values(lines, Set.of(lines.get(0).trim()), lines.get(0).isBlank());   // the usual case
        }
        Set<String> distinct = new LinkedHashSet<>();
        boolean empties = false;
        for (String line : lines) {
            for (String value : line.split(",", -1)) {
                if (value.isBlank()) {
                    empties = true;
                } else {
                    distinct.add(value.trim());
                }
            }
        }
        return new Values(List.copyOf(lines), distinct, empties);
    }

    /**
     * Refuses a request that sends one of {@code op}'s single-valued header parameters (the
     * version header aside, which the version resolver refuses as an unsupported version) with
     * values that differ.
     *
     * @throws ErrorResponseException a 400 {@code INVALID_REQUEST} naming the header and its values
     */
    static void requireUnambiguous(HttpServletRequest request, ScpOperation op) {
        for (ScpParameter p : op.parameters()) {
            if (p.singleValued() && !p.name().equalsIgnoreCase(ScpApi.VERSION_HEADER)) {
                Values values = values(request, p.name());
                if (values.ambiguous()) {
                    throw ScpProblems.exception(ScpProblemCode.INVALID_REQUEST, "The " + p.name()
                            + " header is ambiguous: it was sent with different values (" + values.quoted()
                            + "). Send it once.");
                }
            }
        }
    }
}
