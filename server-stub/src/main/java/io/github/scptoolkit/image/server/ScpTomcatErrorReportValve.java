package io.github.scptoolkit.image.server;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as an RFC 9457 problem instead of Tomcat's HTML page, for the errors
 * Tomcat answers itself (bad request line, {@code %zz} in the URI, NUL or bare CR in a header,
 * headers over {@code max-http-request-header-size}, TRACE, CONNECT), and for any error status an
 * application answered with an empty body. Needs Tomcat (optional
 * dependency). With Spring Boot, install it in the host (see the reference server's
 * {@code ProblemErrorPages}):
 *
 * <pre>
 * &#64;Bean
 * WebServerFactoryCustomizer&lt;TomcatServletWebServerFactory&gt; problems() {
 *     return factory -&gt; factory.addContextCustomizers(ScpTomcatErrorReportValve::install);
 * }
 * </pre>
 */
public class ScpTomcatErrorReportValve extends ErrorReportValve {

    /**
     * Makes this valve the host's only error report valve: removes any other (Spring Boot adds
     * one of its own) and names this class as the host's error report valve class.
     */
    public static void install(org.apache.catalina.Context context) {
        if (!(context.getParent() instanceof org.apache.catalina.core.StandardHost host)) {
            return;
        }
        for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ScpTomcatErrorReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.setErrorReportValveClass(ScpTomcatErrorReportValve.class.getName());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own: only errors, only when nothing was written, only once. Unlike Tomcat's,
        // also an error status set without sendError and left without a body (Spring Boot's
        // /actuator/health/unknown is a bare 404): every error answer is a problem.
        if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()
                || (response.isError() && !response.setErrorReported())) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = ScpContainerErrors.problem(status, path(request));
        try {
            response.setStatus(problem.getStatus());
            if (problem.getStatus() == 405) {
                response.setHeader("Allow", ScpContainerErrors.allow(path(request)));
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            byte[] body = ScpContainerErrors.json(problem);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is unusable: nothing more to tell it.
        }
    }

    /** The raw request URI, or null when the request line could not even be parsed. */
    private static String path(Request request) {
        try {
            String uri = request.getRequestURI();
            return uri == null || uri.isEmpty() ? null : uri;
        } catch (RuntimeException unparsable) {
            return null;
        }
    }
}
