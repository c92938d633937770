package io.github.scptoolkit.image.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.github.scptoolkit.image.server.generated.model.ScpApiVersion;

/**
 * The hand-written layer an implementation of the generated {@code ImagesApi} imports: header
 * version negotiation with Spring Framework 7's API versioning ({@code Scp-Api-Version}, service
 * name checked, supported and default versions from the spec), per-version response shapes,
 * RFC 9457 problem responses and request signature checks ({@link ScpAuthConfiguration}).
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

    /** The version facts read from the spec, for implementations that want them. */
    @Bean
    public ApiVersionFacts scpApiVersionFacts() {
        return facts;
    }

    @Override
    public void configureApiVersioning(ApiVersionConfigurer configurer) {
        configurer.useRequestHeader(VERSION_HEADER)
                .setVersionParser(new ScpApiVersionParser())
                .setVersionRequired(false)
                .setDefaultVersion(facts.current().headerValue())
                .detectSupportedVersions(false)
                .addSupportedVersions(facts.callable().stream().map(ApiVersionFacts.Version::headerValue)
                        .toArray(String[]::new));
    }

    /** Binds the header to the generated enum for implementations ({@code "virtualserver 1.3"} → V1_3). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, ScpApiVersion.class, ScpApiVersion::fromValue);
    }
}
