package io.github.scptoolkit.image.server;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring Boot auto-configuration of the stub: a servlet web application with the stub on its class
 * path needs no {@code @Import}; it implements the generated {@code ImagesApi} and sets properties.
 * What {@link ScpImageApiConfiguration} does for plain Spring MVC (versions, shaping, problems,
 * signatures, the versions document, for the spec's operations only), plus:
 * <ul>
 * <li>{@code scp.auth.*} ({@link ScpAuthProperties}) and {@code scp.versions.*}
 * ({@link ScpVersionsProperties}) bound and validated, described for IDE completion; a setting
 * that cannot work stops start-up with a failure analysis naming the property;</li>
 * <li>beans the application may replace by defining its own: {@link ScpCredentialStore} (default:
 * the {@code scp.auth.credentials}), {@link Clock} (default: the system clock, UTC),
 * {@link ScpExceptionResolver} (the problems of the spec's operations), and, by bean name,
 * {@value #ERROR_PAGE_FILTER_BEAN_NAME} and {@value #ERROR_REPORT_VALVE_BEAN_NAME};</li>
 * <li>errors answered outside Spring MVC as problems too, for the spec's operations' paths only:
 * the servlet error page ({@code /error} dispatch, e.g. a filter's failure or {@code sendError})
 * and, on Tomcat, Tomcat's own error report (a malformed request line or URI, oversized headers,
 * TRACE, an error status left without a body; a request whose path cannot be read at all is
 * answered as a problem as well). Every other path keeps Spring Boot's and Tomcat's defaults.</li>
 * </ul>
 *
 * <pre>
 * &#64;SpringBootApplication
 * class MyServer {
 *     public static void main(String[] args) {
 *         SpringApplication.run(MyServer.class, args);
 *     }
 * }
 * </pre>
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties({ScpAuthProperties.class, ScpVersionsProperties.class})
@Import({ScpApiMvcConfiguration.class, ScpAuthConfiguration.class})
public class ScpImageApiAutoConfiguration {

    /** Name of the filter that answers error dispatches of the API's paths with problems. */
    public static final String ERROR_PAGE_FILTER_BEAN_NAME = "scpErrorPageFilter";
    /** Name of the customizer that installs {@link ScpTomcatErrorReportValve.ApiPaths}. */
    public static final String ERROR_REPORT_VALVE_BEAN_NAME = "scpTomcatErrorReportValve";

    /** Creates the auto-configuration (Spring Boot does). */
    public ScpImageApiAutoConfiguration() {
    }

    /**
     * The credentials of {@code scp.auth.credentials}; a {@link ScpCredentialStore} bean of the
     * application replaces them.
     */
    @Bean
    @ConditionalOnMissingBean
    ScpCredentialStore scpCredentialStore(ScpAuthProperties auth) {
        return InMemoryScpCredentialStore.fromProperties(auth);
    }

    /** The system clock (UTC); a {@link Clock} bean of the application replaces it. */
    @Bean
    @ConditionalOnMissingBean
    Clock scpClock() {
        return Clock.systemUTC();
    }

    /** Problems for the spec's operations; a {@link ScpExceptionResolver} bean of the application replaces it. */
    @Bean
    @ConditionalOnMissingBean
    ScpExceptionResolver scpExceptionResolver(ScpVersionLifecycle lifecycle) {
        return new ScpExceptionResolver(lifecycle);
    }

    /** Error dispatches of the spec's operations' paths answered as problems; other paths go on to Boot's error page. */
    @Bean(ERROR_PAGE_FILTER_BEAN_NAME)
    @ConditionalOnMissingBean(name = ERROR_PAGE_FILTER_BEAN_NAME)
    FilterRegistrationBean<ScpErrorPageFilter> scpErrorPageFilter() {
        FilterRegistrationBean<ScpErrorPageFilter> registration = new FilterRegistrationBean<>(new ScpErrorPageFilter());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** On Tomcat: Tomcat's own error report as a problem for the API's paths. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Tomcat.class, TomcatServletWebServerFactory.class})
    static class TomcatErrors {

        /**
         * Late, so that it replaces the error report valve Spring Boot adds. An application that
         * answers every path with problems (as the emulator does) defines a customizer of this
         * name instead, and this one backs off.
         */
        @Bean(ERROR_REPORT_VALVE_BEAN_NAME)
        @ConditionalOnMissingBean(name = ERROR_REPORT_VALVE_BEAN_NAME)
        @Order(Ordered.LOWEST_PRECEDENCE - 100)
        static WebServerFactoryCustomizer<TomcatServletWebServerFactory> scpTomcatErrorReportValve() {
            return factory -> factory.addContextCustomizers(ScpTomcatErrorReportValve::installForApiPaths);
        }
    }
}
