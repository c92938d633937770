package io.github.scptoolkit.image.server;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The stub's layer for a plain Spring MVC application (no Spring Boot), imported once; a Spring
 * Boot application needs no import: {@link ScpImageApiAutoConfiguration} does the same and binds
 * the {@code scp.*} properties. For the spec's operations, and only for them,
 * <ul>
 * <li>the version header resolved with Spring Framework 7's API versioning (service name checked,
 * the CURRENT version without a header, versions refused per request by the spec's lifecycle
 * rules, deprecation headers; settings in {@link ScpVersionsProperties}), the implementation
 * receiving the resolved {@code ScpServiceVersion};</li>
 * <li>each version's own 200 shape ({@code ScpResponseShaping});</li>
 * <li>the parameters' length and pattern rules ({@code ScpParameterCheck}, 400 {@code INVALID_REQUEST});</li>
 * <li>RFC 9457 problem bodies with the spec's codes ({@link ScpExceptionResolver});</li>
 * <li>request signature checks ({@link ScpAuthConfiguration}, settings in {@link ScpAuthProperties});</li>
 * <li>the versions document at {@code GET /} (unless the application implements
 * {@code VersionsApi} itself).</li>
 * </ul>
 * Any other controller of the application keeps Spring's defaults: no version header needed (one
 * sent is ignored), no signature, its own error format, no version headers. Without Spring Boot
 * the settings are beans (each optional):
 *
 * <pre>
 * &#64;Configuration
 * &#64;EnableWebMvc
 * &#64;Import(ScpImageApiConfiguration.class)
 * class MyServer {
 *     &#64;Bean
 *     ScpAuthProperties scpAuthProperties() {
 *         return ScpAuthProperties.of(new ScpAuthProperties.Credential("my-access-key", "my-secret-key", null));
 *     }
 * }
 * </pre>
 *
 * plus the signature filter in the servlet container:
 * {@code new DelegatingFilterProxy(ScpAuthConfiguration.FILTER_BEAN_NAME)}. The configuration owns
 * the {@code DispatcherServlet}'s API versioning: an application that configures Spring's API
 * versioning for its own controllers too is not supported.
 */
@Configuration(proxyBeanMethods = false)
@Import({ScpApiMvcConfiguration.class, ScpAuthConfiguration.class})
public class ScpImageApiConfiguration {

    /**
     * Name of an optional {@link Clock} bean that only the version lifecycle reads (which versions
     * are served, the deprecation headers), so that an emulator or a test can move the service's
     * date without moving the time request signatures are checked against. Declare it so that
     * nothing else injects it by type:
     * <pre>
     * &#64;Bean(name = ScpImageApiConfiguration.VERSIONS_CLOCK_BEAN_NAME, defaultCandidate = false)
     * Clock versionsClock() {
     *     return Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
     * }
     * </pre>
     */
    public static final String VERSIONS_CLOCK_BEAN_NAME = "scpVersionsClock";

    /** Problems for the spec's operations; with Spring Boot, a bean of this type replaces it. */
    @Bean
    ScpExceptionResolver scpExceptionResolver(ScpVersionLifecycle lifecycle) {
        return new ScpExceptionResolver(lifecycle);
    }
}
