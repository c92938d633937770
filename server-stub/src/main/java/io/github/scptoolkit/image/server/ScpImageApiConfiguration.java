package io.github.scptoolkit.image.server;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.github.scptoolkit.image.server.generated.model.ScpApiVersion;

/**
 * The hand-written layer an implementation of the generated {@code ImagesApi} imports: header
 * version negotiation with Spring Framework 7's API versioning ({@code Scp-Api-Version}, service
 * name checked, supported and default versions from the spec), the versions' lifecycle
 * (retired versions refused, deprecation headers; see {@link VersionLifecycle} for the
 * {@code scp.versions.*} properties), per-version response shapes and RFC 9457 problem responses.
 * An implementation sees the resolved version as its {@code ScpApiVersion} argument (the header
 * as sent once it passed validation, or the spec's default, the CURRENT version, without one) and request signature
 * checks ({@link ScpAuthConfiguration}).
 *
 * <pre>
 * &#64;SpringBootApplication
 * &#64;Import(ScpImageApiConfiguration.class)
 * class MyServer {
 * }
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@Import({ScpProblemHandler.class, VersionShapingAdvice.class, ScpAuthConfiguration.class})
public class ScpImageApiConfiguration implements WebMvcConfigurer {

    /** Header that carries the version; header names are case-insensitive ({@code Scp-API-Version} works). */
    public static final String VERSION_HEADER = "Scp-Api-Version";

    private final ApiVersionFacts facts = ApiVersionFacts.fromSpec();
    private final VersionLifecycle lifecycle;

    /** Uses the application's {@link Clock} bean if there is one, else the system clock. */
    public ScpImageApiConfiguration(ObjectProvider<Clock> clock, Environment env) {
        this.lifecycle = VersionLifecycle.from(facts, clock.getIfAvailable(Clock::systemUTC), env);
    }

    /** The version facts read from the spec, for implementations that want them. */
    @Bean
    public ApiVersionFacts scpApiVersionFacts() {
        return facts;
    }

    @Bean
    VersionLifecycle scpVersionLifecycle() {
        return lifecycle;
    }

    @Override
    public void configureApiVersioning(ApiVersionConfigurer configurer) {
        configurer.useRequestHeader(VERSION_HEADER)
                .setVersionParser(new ScpApiVersionParser())
                .setVersionRequired(false)
                .setDefaultVersion(facts.current().headerValue())
                .detectSupportedVersions(false)
                .setDeprecationHandler(new VersionResponseHeaders(lifecycle));
        // Asked per request, so a Not Before date that arrives while the server runs takes effect.
        configurer.setSupportedVersionPredicate(lifecycle::isSupported);
    }

    /** Binds the header to the generated enum for implementations ({@code "virtualserver 1.3"} → V1_3). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, ScpApiVersion.class, ScpApiVersion::fromValue);
    }
}
