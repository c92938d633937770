package io.github.scptoolkit.image.server;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import io.github.scptoolkit.image.spec.ScpApi;

/**
 * The machinery both entry points share ({@link ScpImageApiConfiguration} for plain Spring MVC,
 * {@link ScpImageApiAutoConfiguration} for Spring Boot): version resolution with Spring Framework
 * 7's API versioning, per-version shaping, the parameters' rules ({@code ScpParameterCheck}), the
 * version argument, the versions document and the shaped bodies' framing ({@code ScpShapedJsonConverter}),
 * scoped to the spec's operations. Settings: the {@link ScpVersionsProperties} bean (defaults without one).
 */
@Configuration(proxyBeanMethods = false)
class ScpApiMvcConfiguration implements WebMvcConfigurer {

    private final ScpOperations operations = ScpOperations.SPEC;
    private final ScpVersionLifecycle lifecycle;
    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    /**
     * Decides which versions are served with the {@value ScpImageApiConfiguration#VERSIONS_CLOCK_BEAN_NAME}
     * bean if there is one, else the application's {@link Clock} bean if there is one, else the
     * system clock.
     */
    ScpApiMvcConfiguration(ObjectProvider<Clock> clock,
            @Qualifier(ScpImageApiConfiguration.VERSIONS_CLOCK_BEAN_NAME) ObjectProvider<Clock> versionsClock,
            ObjectProvider<ScpVersionsProperties> versions, Environment environment,
            ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
        this.lifecycle = ScpVersionLifecycle.from(
                versionsClock.getIfAvailable(() -> clock.getIfAvailable(Clock::systemUTC)),
                versions.getIfAvailable(ScpVersionsProperties::defaults), environment);
    }

    /** Which versions are served now, for implementations (and the emulator's banner) that want to know. */
    @Bean
    ScpVersionLifecycle scpVersionLifecycle() {
        return lifecycle;
    }

    @Bean
    ScpResponseShaping scpResponseShaping() {
        return new ScpResponseShaping(operations);
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

    /** The operations' shaped bodies written with {@code Content-Length}, just before Spring's JSON converter. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> ScpShapedJsonConverter.insertBeforeJson(converters,
                operations, () -> mappings.orderedStream().toList()));
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
