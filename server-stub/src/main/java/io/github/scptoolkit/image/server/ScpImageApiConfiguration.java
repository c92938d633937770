package io.github.scptoolkit.image.server;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.github.scptoolkit.image.spec.ScpApi;

/**
 * The hand-written layer an application implementing the generated interfaces imports, driven by
 * the spec's facts ({@code ScpApi}): for the spec's operations, and only for them,
 * <ul>
 * <li>the version header resolved with Spring Framework 7's API versioning (service name checked,
 * the CURRENT version without a header, versions refused per request by the spec's lifecycle
 * rules, deprecation headers; {@link ScpVersionLifecycle} lists the {@code scp.versions.*}
 * properties), the implementation receiving the resolved {@code ScpServiceVersion};</li>
 * <li>each version's own 200 shape ({@code ScpResponseShaping});</li>
 * <li>RFC 9457 problem bodies with the spec's codes ({@code ScpExceptionResolver});</li>
 * <li>request signature checks ({@link ScpAuthConfiguration});</li>
 * <li>the versions document at {@code GET /} (unless the application implements
 * {@code VersionsApi} itself).</li>
 * </ul>
 * Any other controller of the application keeps Spring's defaults: no version header needed (one
 * sent is ignored), no signature, its own error format, no version headers.
 *
 * <pre>
 * &#64;SpringBootApplication
 * &#64;Import(ScpImageApiConfiguration.class)
 * class MyServer {
 * }
 * </pre>
 *
 * The configuration owns the {@code DispatcherServlet}'s API versioning: an application that
 * configures Spring's API versioning for its own controllers too is not supported.
 */
@Configuration(proxyBeanMethods = false)
@Import(ScpAuthConfiguration.class)
public class ScpImageApiConfiguration implements WebMvcConfigurer {

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

    private final ScpOperations operations = ScpOperations.SPEC;
    private final ScpVersionLifecycle lifecycle;

    /**
     * Decides which versions are served with the {@value #VERSIONS_CLOCK_BEAN_NAME} bean if there is
     * one, else the application's {@link Clock} bean if there is one, else the system clock.
     */
    public ScpImageApiConfiguration(ObjectProvider<Clock> clock,
            @Qualifier(VERSIONS_CLOCK_BEAN_NAME) ObjectProvider<Clock> versionsClock, Environment env) {
        this.lifecycle = ScpVersionLifecycle.from(
                versionsClock.getIfAvailable(() -> clock.getIfAvailable(Clock::systemUTC)), env);
    }

    /** Which versions are served now, for implementations (and the emulator's banner) that want to know. */
    @Bean
    public ScpVersionLifecycle scpVersionLifecycle() {
        return lifecycle;
    }

    @Bean
    ScpResponseShaping scpResponseShaping() {
        return new ScpResponseShaping(operations);
    }

    @Bean
    ScpExceptionResolver scpExceptionResolver() {
        return new ScpExceptionResolver(operations, lifecycle);
    }

    @Bean
    static BeanPostProcessor scpVersionArgument() {
        return ScpVersionArgumentResolver.first(ScpApi.VERSION_HEADER);
    }

    @Bean
    static BeanDefinitionRegistryPostProcessor scpVersionsDocument(Environment environment) {
        return ScpVersionsController.registrar(environment);
    }

    @Override
    public void configureApiVersioning(ApiVersionConfigurer configurer) {
        configurer.useVersionResolver(new ScpVersionResolver(operations))
                .setVersionParser(new ScpApiVersionParser())
                .setVersionRequired(false)
                .detectSupportedVersions(false)
                .setDeprecationHandler(new VersionResponseHeaders(lifecycle));
        // Asked per request, so a Not Before date that arrives while the server runs takes effect.
        configurer.setSupportedVersionPredicate(lifecycle::isSupported);
    }
}
