package io.github.scptoolkit.image.reference;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

import io.github.scptoolkit.image.server.ScpAuthProperties;
import io.github.scptoolkit.image.server.ScpImageApiConfiguration;
import io.github.scptoolkit.image.server.ScpVersionsProperties;

/**
 * Every bean of the emulator, without Spring Boot's auto-configuration: the catalog, the tenants,
 * the generated interface's implementation, the stub's configuration (imported as a plain Spring MVC
 * application does, with its {@code scp.auth.*} and {@code scp.versions.*} properties bound), the
 * documentation and the problem error pages. {@link ReferenceServerApplication} is this plus auto-configuration; the test
 * kit ({@code scp-image-testkit}) imports it with a short, fixed list of auto-configurations, so
 * that what else is on a test's class path (a database, Spring Security) never reaches the
 * emulator it starts.
 *
 * <pre>
 * &#64;Configuration(proxyBeanMethods = false)
 * &#64;Import(EmulatorConfiguration.class)
 * &#64;ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, ...})
 * class EmbeddedEmulator {
 * }
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = EmulatorConfiguration.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
@EnableConfigurationProperties({EmulatorProperties.class, ScpAuthProperties.class, ScpVersionsProperties.class})
@Import(ScpImageApiConfiguration.class)
public class EmulatorConfiguration {

    /**
     * Image ids are one path segment in which the clients encode {@code /} as {@code %2F}; Tomcat
     * refuses {@code %2F} by default, so pass it through undecoded (Spring then decodes the id).
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashInImageIds() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
