package io.github.scptoolkit.image.client;

import java.util.List;
import java.util.Optional;

import io.github.scptoolkit.image.client.generated.model.Problem;
import io.github.scptoolkit.image.client.generated.model.ProblemError;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * What the typed client errors have in common: the HTTP status and the server's RFC 9457 problem,
 * when the body was one. Each implementation also extends the matching {@code FeignException}
 * ({@code BadRequest}, {@code Unauthorized}, {@code Forbidden}, {@code NotFound}), so code that
 * catches {@code FeignException} keeps working.
 *
 * <pre>
 * try {
 *     images.showImage(id);
 * } catch (ScpNotFoundException e) {
 *     e.problemCode();           // Optional[ScpProblemCode.IMAGE_NOT_FOUND]
 * } catch (ScpBadRequestException e) {
 *     if (e.problemCode().orElse(null) == ScpProblemCode.RETIRED_API_VERSION) { ... }
 *     e.code();                  // the code as sent, also one this build does not know
 * }
 * </pre>
 */
public interface ScpProblemException {

    /** The HTTP status. */
    int status();

    /** The decoded problem; empty when the body was empty or not a JSON problem (e.g. a proxy's HTML page). */
    Optional<Problem> problem();

    /**
     * The problem's stable {@code code} as sent (e.g. {@code IMAGE_NOT_FOUND}), or {@code null}
     * without a problem body. A newer server may send a code this build does not list.
     */
    default String code() {
        return problem().map(Problem::getCode).orElse(null);
    }

    /**
     * The problem's code as one of the spec's {@link ScpProblemCode}s; empty without a problem body
     * or for a code this build does not know (then go by {@link #status()} and {@link #code()}).
     */
    default Optional<ScpProblemCode> problemCode() {
        return ScpProblemCode.fromCode(code());
    }

    /** The problem's {@code detail}, or {@code null}. */
    default String detail() {
        return problem().map(Problem::getDetail).orElse(null);
    }

    /** The problem's OpenStack-style {@code errors[]} (empty without a problem body). */
    default List<ProblemError> errors() {
        return problem().map(Problem::getErrors).map(List::copyOf).orElse(List.of());
    }
}
