package io.github.scptoolkit.image.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Builds the RFC 9457 problems this API answers with, from the spec's problem codes
 * ({@link ScpProblemCode}: status, title and type come from the spec's {@code x-problem-codes}):
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} (set per request),
 * the stable {@code code}, and the same facts as an OpenStack-style {@code errors[]} list for the
 * vendor's tooling. An implementation answers an error by throwing {@link #exception}; a new code
 * is a new entry of the spec's list.
 *
 * <pre>
 * throw ScpProblems.exception(ScpProblemCode.ACTION_NOT_ALLOWED,
 *         "The access key is not allowed to perform virtualserver:ShowImage.");
 * </pre>
 */
public final class ScpProblems {

    /** Details shared by the problems the stub and the container error pages write. */
    static final String NO_RESOURCE_DETAIL = "No resource at this path.";
    static final String METHOD_NOT_ALLOWED_DETAIL = "This method is not allowed on this path.";
    static final String INTERNAL_ERROR_DETAIL = "The server could not complete the request.";
    static final String INVALID_REQUEST_DETAIL = "The request is not valid.";

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private ScpProblems() {
    }

    /**
     * The problem for {@code code} with its status and title from the spec; {@code instance} is set
     * when it is answered.
     *
     * <pre>
     * ProblemDetail p = ScpProblems.problem(ScpProblemCode.IMAGE_NOT_FOUND, "No image with id 'x' was found.");
     * </pre>
     */
    public static ProblemDetail problem(ScpProblemCode code, String detail) {
        return decorate(ProblemDetail.forStatus(code.status()), code, detail);
    }

    /**
     * An exception the stub answers with the problem for {@code code}.
     *
     * <pre>
     * throw ScpProblems.exception(ScpProblemCode.ACTION_NOT_ALLOWED, "Not allowed.");
     * </pre>
     */
    public static ErrorResponseException exception(ScpProblemCode code, String detail) {
        return new ErrorResponseException(HttpStatusCode.valueOf(code.status()), problem(code, detail), null);
    }

    /**
     * Gives a problem (its status kept: a generic code may stand for several statuses) the
     * {@code type}, {@code title}, {@code code}, {@code detail} and {@code errors[]} of {@code code}.
     */
    static ProblemDetail decorate(ProblemDetail problem, ScpProblemCode code, String detail) {
        problem.setType(code.type());
        problem.setTitle(code.title());
        problem.setDetail(detail);
        problem.setProperty("code", code.code());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", String.valueOf(problem.getStatus()));
        error.put("code", code.code());
        error.put("title", code.title());
        if (detail != null) {
            error.put("detail", detail);
        }
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    /** Whether a problem already carries a code (one made by {@link #problem}). */
    static boolean hasCode(ProblemDetail problem) {
        return problem.getProperties() != null && problem.getProperties().containsKey("code");
    }

    /** A value the client sent, short and free of control characters, for a detail. */
    static String printable(String value) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return CONTROL.matcher(shown).replaceAll("?");
    }
}
