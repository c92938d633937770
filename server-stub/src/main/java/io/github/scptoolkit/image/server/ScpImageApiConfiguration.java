package io.github.scptoolkit.image.server;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
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
 * <li>the parameters' length and pattern rules ({@code ScpParameterCheck}, 400 {@code INVALID_REQUEST});</li>
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

    private final ScpOperations operations = ScpOperations.SPEC;
    private final ScpVersionLifecycle lifecycle;

    /** Uses the application's {@link Clock} bean if there is one, else the system clock. */
    public ScpImageApiConfiguration(ObjectProvider<Clock> clock, Environment env) {
        this.lifecycle = ScpVersionLifecycle.from(clock.getIfAvailable(Clock::systemUTC), env);
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

    /** The spec's parameter rules (lengths, patterns), checked per operation after the other interceptors. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScpParameterCheck(operations)).order(Ordered.LOWEST_PRECEDENCE);
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
