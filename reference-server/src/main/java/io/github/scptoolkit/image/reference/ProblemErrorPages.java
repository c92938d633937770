package io.github.scptoolkit.image.reference;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.server.ScpContainerErrors;
import io.github.scptoolkit.image.server.ScpImageApiAutoConfiguration;
import io.github.scptoolkit.image.server.ScpTomcatErrorReportValve;

/**
 * Errors found outside Spring MVC are problems too, never Tomcat's HTML page or Boot's JSON:
 * Tomcat's own refusals (malformed request line or URI, oversized headers, TRACE, CONNECT) through
 * the stub's {@link ScpTomcatErrorReportValve}, and the servlet error page ({@code /error}) through
 * this controller, which replaces Spring Boot's.
 */
@RestController
class ProblemErrorPages implements ErrorController {

    /**
     * Problems for every path: under the name of the stub's customizer, which then backs off (its
     * valve answers the API's paths only); last, so that it replaces the valve Spring Boot adds.
     */
    @Bean(ScpImageApiAutoConfiguration.ERROR_REPORT_VALVE_BEAN_NAME)
    @Order(Ordered.LOWEST_PRECEDENCE)
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(ScpTomcatErrorReportValve::install);
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        ProblemDetail problem = ScpContainerErrors.problem(status, path);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ScpContainerErrors.json(problem));
    }
}
