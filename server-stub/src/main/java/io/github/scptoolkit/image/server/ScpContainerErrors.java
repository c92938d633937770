package io.github.scptoolkit.image.server;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Problems for errors found by the HTTP server itself, before or around Spring MVC: a request
 * line, header or percent-encoding it cannot parse (400), headers too large (400/431), a body too
 * large (413), a method it refuses (TRACE, CONNECT: 405), a Range it cannot satisfy on a static
 * resource (416), an error status answered with no body at all (e.g. Spring Boot's
 * {@code /actuator/health/unknown}: 404), or the servlet error page of a failure outside the
 * handler. Used by {@link ScpTomcatErrorReportValve} and by an application's error page (see the
 * reference server), so that these answers are problems too, never an HTML page or an empty body.
 *
 * <pre>
 * ProblemDetail problem = ScpContainerErrors.problem(431, "/v1/images/x");
 * byte[] body = ScpContainerErrors.json(problem);   // application/problem+json
 * </pre>
 */
public final class ScpContainerErrors {

    /** What the image path allows, for a 405 found outside Spring MVC. */
    public static final String ALLOW = "GET, HEAD, OPTIONS";

    private ScpContainerErrors() {
    }

    /**
     * The problem for {@code status} at {@code path} (raw request URI, may be null). A 501 (a method
     * the HTTP server does not implement, e.g. CONNECT) is answered as the 405 it is for this API, a
     * 505 (malformed or unknown HTTP version) as a 400.
     */
    public static ProblemDetail problem(int status, String path) {
        ProblemDetail problem = switch (status) {
            case 400 -> ScpProblems.problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request",
                    "The HTTP request could not be parsed (request line, header or URI encoding).");
            // Tomcat's 505 is its answer to a malformed or unknown HTTP version in the request line:
            // bad input, so a 400 here (this API answers bad input with a 4xx, never a 5xx).
            case 505 -> ScpProblems.problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request",
                    "The HTTP version in the request line is malformed or not supported.");
            case 404 -> ScpProblems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found", ScpProblems.NO_RESOURCE_DETAIL);
            case 405, 501 -> ScpProblems.problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "Method not allowed", ScpProblems.METHOD_NOT_ALLOWED_DETAIL);
            case 408 -> ScpProblems.problem(HttpStatus.REQUEST_TIMEOUT, "REQUEST_TIMEOUT", "Request timeout",
                    "The request was not received in time.");
            case 413 -> ScpProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE", "Request too large",
                    "The request is larger than the server accepts.");
            case 414 -> ScpProblems.problem(HttpStatus.URI_TOO_LONG, "URI_TOO_LONG", "URI too long",
                    "The request URI is longer than the server accepts.");
            case 416 -> ScpProblems.problem(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "RANGE_NOT_SATISFIABLE",
                    "Range not satisfiable", "The Range header asks for parts this resource does not have; "
                            + "send the request without Range for the whole resource.");
            case 431 -> ScpProblems.problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
                    "Request headers too large", "The request headers are larger than the server accepts.");
            default -> status >= 500
                    ? ScpProblems.problem(HttpStatus.valueOf(500), "INTERNAL_ERROR", "Internal error",
                            ScpProblems.INTERNAL_ERROR_DETAIL)
                    : generic(status);
        };
        if (path != null) {
            problem.setInstance(ScpProblemHandler.instance(path));
        }
        return problem;
    }

    /** The problem as {@code application/problem+json} bytes, members in the stub's usual order. */
    public static byte[] json(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return JsonMapper.shared().writeValueAsBytes(map);
    }

    private static ProblemDetail generic(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return ScpProblems.problem(known != null ? known : HttpStatus.BAD_REQUEST,
                known != null ? "HTTP_" + status : "INVALID_REQUEST", title, "The request is not valid.");
    }
}
