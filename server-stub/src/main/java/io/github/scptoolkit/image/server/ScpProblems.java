package io.github.scptoolkit.image.server;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems this API answers with: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, a stable {@code code}, and the same facts as
 * an OpenStack-style {@code errors[]} list for the vendor's tooling.
 *
 * <pre>
 * ProblemDetail p = ScpProblems.problem(HttpStatus.NOT_FOUND, "IMAGE_NOT_FOUND", "Image not found",
 *         "No image with id 'x' was found.");
 * </pre>
 */
public final class ScpProblems {

    /** Base of every problem {@code type} URI; the code, in kebab case, follows. */
    public static final String TYPE_BASE = "https://scp-toolkit.dev/problems/";

    /** Details shared by the problems the handler and the container error pages write. */
    static final String NO_RESOURCE_DETAIL = "No resource at this path.";
    static final String METHOD_NOT_ALLOWED_DETAIL = "This method is not allowed on this path.";
    static final String INTERNAL_ERROR_DETAIL = "The server could not complete the request.";

    private ScpProblems() {
    }

    /** A problem with the given status, stable code, title and detail; {@code instance} is set later. */
    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, code, title);
    }

    /** Adds {@code type}, {@code title}, {@code code} and {@code errors[]} to a problem. */
    static ProblemDetail decorate(ProblemDetail problem, String code, String title) {
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("status", String.valueOf(problem.getStatus()));
        error.put("code", code);
        error.put("title", title);
        if (problem.getDetail() != null) {
            error.put("detail", problem.getDetail());
        }
        problem.setProperty("errors", List.of(error));
        return problem;
    }
}
