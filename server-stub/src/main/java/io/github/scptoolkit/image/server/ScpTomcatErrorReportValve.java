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
 * application answered with an empty body. Needs Tomcat (optional dependency). The Spring Boot
 * auto-configuration installs {@link ApiPaths} (problems for the spec's operations' paths, Tomcat's
 * own minimal report elsewhere); an application that answers every path with problems (as the
 * emulator does) installs this class in the host instead, with a customizer of the
 * auto-configuration's bean name (so that the auto-configuration's backs off):
 *
 * <pre>
 * &#64;Bean(ScpImageApiAutoConfiguration.ERROR_REPORT_VALVE_BEAN_NAME)
 * &#64;Order(Ordered.LOWEST_PRECEDENCE)
 * WebServerFactoryCustomizer&lt;TomcatServletWebServerFactory&gt; problems() {
 *     return factory -&gt; factory.addContextCustomizers(ScpTomcatErrorReportValve::install);
 * }
 * </pre>
 */
public class ScpTomcatErrorReportValve extends ErrorReportValve {

    /** A valve that shows neither Tomcat's version nor an exception report where it leaves an error to Tomcat. */
    public ScpTomcatErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /**
     * Makes this valve the host's only error report valve, for every path: removes any other
     * (Spring Boot adds one of its own, the auto-configuration {@link ApiPaths}) and names this
     * class as the host's error report valve class.
     */
    public static void install(org.apache.catalina.Context context) {
        install(context, ScpTomcatErrorReportValve.class);
    }

    /** Like {@link #install}, with {@link ApiPaths}: problems for the spec's operations' paths only. */
    public static void installForApiPaths(org.apache.catalina.Context context) {
        install(context, ApiPaths.class);
    }

    private static void install(org.apache.catalina.Context context, Class<? extends ScpTomcatErrorReportValve> type) {
        if (!(context.getParent() instanceof org.apache.catalina.core.StandardHost host)) {
            return;
        }
        for (org.apache.catalina.Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && valve.getClass() != type) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.setErrorReportValveClass(type.getName());
    }

    /**
     * Whether an error at {@code path} (raw request URI, null when unreadable) is answered with a
     * problem; otherwise Tomcat's own report (without server info or exception report) answers it.
     * Every path here.
     */
    protected boolean answers(String path) {
        return true;
    }

    /**
     * The valve for an application that serves other things beside the API: problems for the
     * spec's operations' paths and for requests whose path cannot be read
     * ({@link ScpContainerErrors#isApiPath}), Tomcat's own report for the application's other paths.
     */
    public static class ApiPaths extends ScpTomcatErrorReportValve {

        /** Created by Tomcat, by class name. */
        public ApiPaths() {
        }

        @Override
        protected boolean answers(String path) {
            return ScpContainerErrors.isApiPath(path);
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (!answers(path(request))) {
            super.report(request, response, throwable);
            return;
        }
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
