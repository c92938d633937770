package io.github.scptoolkit.image.server;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet error page of the spec's operations' paths as a problem: an error dispatch (a
 * failure outside Spring MVC, such as a filter's exception, or a {@code sendError} that no handler
 * answered) whose original request was for an operation's path is answered here with
 * {@link ScpContainerErrors#problem}; any other error dispatch goes on to the application's error
 * page (Spring Boot's {@code /error}) untouched. Registered for error dispatches only by
 * {@link ScpImageApiAutoConfiguration}.
 */
final class ScpErrorPageFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = originalPath(request);
        return request.getDispatcherType() != DispatcherType.ERROR || path == null
                || !ScpContainerErrors.isApiPath(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem = ScpContainerErrors.problem(status, path);
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == 405) {
            response.setHeader("Allow", ScpContainerErrors.allow(path));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = ScpContainerErrors.json(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request URI the error happened on, within the application (no context path). */
    private static String originalPath(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)) {
            return null;
        }
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
