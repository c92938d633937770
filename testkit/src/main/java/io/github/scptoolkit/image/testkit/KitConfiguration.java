package io.github.scptoolkit.image.testkit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import io.github.scptoolkit.image.reference.EmulatorConfiguration;
import io.github.scptoolkit.image.server.ScpImageApiConfiguration;

/**
 * The emulator as the kit runs it: its beans ({@link EmulatorConfiguration}) with exactly the
 * auto-configurations a Spring MVC server on Tomcat needs, whatever else is on the test's class
 * path, plus the kit's hooks: the versions clock, the fault filter and the journal valve.
 */
@Configuration(proxyBeanMethods = false)
@Import(EmulatorConfiguration.class)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
        JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class})
class KitConfiguration {

    /** Bean name of the {@link KitState} the kit registers before the context starts. */
    static final String STATE = "scpTestKitState";

    /** Read by the stub's version lifecycle only (not a default candidate: signatures keep the real clock). */
    @Bean(name = ScpImageApiConfiguration.VERSIONS_CLOCK_BEAN_NAME, defaultCandidate = false)
    Clock scpVersionsClock(KitState state) {
        return state.clock();
    }

    /** Last of the filters: after the signature check. */
    @Bean
    FilterRegistrationBean<FaultFilter> scpTestKitFaults(KitState state) {
        FilterRegistrationBean<FaultFilter> registration = new FilterRegistrationBean<>(new FaultFilter(state.faults()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> scpTestKitJournal(KitState state) {
        return factory -> factory.addEngineValves(new JournalValve(state.journal()));
    }

    /** The kit's side of a running emulator. */
    record KitState(Journal journal, Faults faults, VersionsClock clock) {
        KitState() {
            this(new Journal(), new Faults(), new VersionsClock());
        }
    }
}
