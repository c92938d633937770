package io.github.scptoolkit.image.server;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;

import io.github.scptoolkit.image.spec.ScpProblemCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems for errors found by the HTTP server itself, before or around Spring MVC: a request
 * line, header or percent-encoding it cannot parse (400), headers too large (400/431), a body too
 * large (413), a method it refuses (TRACE, CONNECT: 405), a Range it cannot satisfy on a static
 * resource (416), an error status answered with no body at all (e.g. Spring Boot's
 * {@code /actuator/health/unknown}: 404), or the servlet error page of a failure outside the
 * handler. Used by {@link ScpTomcatErrorReportValve}, by the Spring Boot auto-configuration's error
 * page for the API's paths and by an application's own error page (see the reference server), so
 * that these answers are problems too, never an HTML page or an empty body.
 *
 * <pre>
 * ProblemDetail problem = ScpContainerErrors.problem(431, request.getRequestURI());
 * byte[] body = ScpContainerErrors.json(problem);   // application/problem+json
 * </pre>
 */
public final class ScpContainerErrors {

    private ScpContainerErrors() {
    }

    /**
     * The problem for {@code status} at {@code path} (raw request URI, may be null). A 501 (a method
     * the HTTP server does not implement, e.g. CONNECT) is answered as the 405 it is for this API, a
     * 505 (malformed or unknown HTTP version) as a 400. A status the spec lists no code for is
     * answered with {@code INVALID_REQUEST} (4xx, status kept) or {@code INTERNAL_ERROR} (5xx, as 500).
     */
    public static ProblemDetail problem(int status, String path) {
        ProblemDetail problem = switch (status) {
            case 400 -> ScpProblems.problem(ScpProblemCode.INVALID_REQUEST,
                    "The HTTP request could not be parsed (request line, header or URI encoding).");
            // Tomcat's 505 is its answer to a malformed or unknown HTTP version in the request line:
            // bad input, so a 400 here (this API answers bad input with a 4xx, never a 5xx).
            case 505 -> ScpProblems.problem(ScpProblemCode.INVALID_REQUEST,
                    "The HTTP version in the request line is malformed or not supported.");
            case 404 -> ScpProblems.problem(ScpProblemCode.NOT_FOUND, ScpProblems.NO_RESOURCE_DETAIL);
            case 405, 501 -> ScpProblems.problem(ScpProblemCode.METHOD_NOT_ALLOWED, ScpProblems.METHOD_NOT_ALLOWED_DETAIL);
            case 408 -> ScpProblems.problem(ScpProblemCode.REQUEST_TIMEOUT, "The request was not received in time.");
            case 413 -> ScpProblems.problem(ScpProblemCode.REQUEST_TOO_LARGE, "The request is larger than the server accepts.");
            case 414 -> ScpProblems.problem(ScpProblemCode.URI_TOO_LONG, "The request URI is longer than the server accepts.");
            case 416 -> ScpProblems.problem(ScpProblemCode.RANGE_NOT_SATISFIABLE, "The Range header asks for parts this "
                    + "resource does not have; send the request without Range for the whole resource.");
            case 431 -> ScpProblems.problem(ScpProblemCode.HEADERS_TOO_LARGE,
                    "The request headers are larger than the server accepts.");
            default -> status >= 500 || status < 400
                    ? ScpProblems.problem(ScpProblemCode.INTERNAL_ERROR, ScpProblems.INTERNAL_ERROR_DETAIL)
                    : ScpProblems.decorate(ProblemDetail.forStatus(status), ScpProblemCode.INVALID_REQUEST,
                            ScpProblems.INVALID_REQUEST_DETAIL);
        };
        if (path != null) {
            problem.setInstance(ScpExceptionResolver.instance(path));
        }
        return problem;
    }

    /**
     * The methods the spec's operations allow at {@code path} (raw request URI, may be null), for
     * the {@code Allow} header of a 405: with {@code GET} come {@code HEAD} and, always,
     * {@code OPTIONS}. A path of no operation gets the methods of every operation.
     */
    public static String allow(String path) {
        Set<String> methods = new LinkedHashSet<>();
        PathContainer parsed = parse(path);
        if (parsed != null) {
            ScpOperations.SPEC.atPath(parsed).forEach(op -> methods.add(op.method()));
        }
        if (methods.isEmpty()) {
            ScpOperations.SPEC.operations().forEach(op -> methods.add(op.method()));
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    /**
     * Whether an error at {@code path} (raw request URI, null when the request line could not be
     * read) is the API's to answer: a path of one of the spec's operations, by path alone (any
     * method; malformed percent-encoding read literally), or a request whose path cannot be read at
     * all. Any other path is the host application's.
     */
    public static boolean isApiPath(String path) {
        if (path == null) {
            return true;
        }
        PathContainer parsed = parse(path);
        if (parsed == null) {
            parsed = parse(path.replace("%", "%25"));
        }
        return parsed == null || !ScpOperations.SPEC.atPath(parsed).isEmpty();
    }

    private static PathContainer parse(String path) {
        if (path == null) {
            return null;
        }
        try {
            int query = path.indexOf('?');
            return PathContainer.parsePath(query < 0 ? path : path.substring(0, query));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
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
}
