package io.github.scptoolkit.image.testkit;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.github.scptoolkit.image.reference.EmulatorControl;
import io.github.scptoolkit.image.reference.EmulatorProperties;
import io.github.scptoolkit.image.server.ScpVersionLifecycle;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * One emulator running in this JVM: a Spring Boot context of {@link KitConfiguration} on a random
 * loopback port, isolated from the test's own configuration (it reads the reference server's own
 * {@code application.properties} and catalog, never a file of that name the test puts first on the
 * class path), plus the kit's state. {@link #close()} stops it.
 */
final class EmulatorServer implements AutoCloseable {

    /** Property source the kit changes per test (first, so it wins). */
    static final String PROPERTY_SOURCE = "scpTestKit";

    private final ConfigurableApplicationContext context;
    private final KitConfiguration.KitState state;
    private final Map<String, Object> testProperties;
    private final EmulatorControl control;
    private final URI endpoint;

    private EmulatorServer(ConfigurableApplicationContext context, KitConfiguration.KitState state,
            Map<String, Object> testProperties) {
        this.context = context;
        this.state = state;
        this.testProperties = testProperties;
        this.control = EmulatorControl.of(context);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts an emulator; {@code properties} ({@code key=value}) override the defaults below and the
     * reference server's own configuration.
     */
    static EmulatorServer start(List<String> properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.config.location", EmulatorControl.bundledResource("application.properties").toString());
        settings.put("scp.catalog", EmulatorControl.bundledResource("catalog.json").toString());
        settings.put("server.port", "0");
        settings.put("server.address", "127.0.0.1");
        settings.put("server.shutdown", "immediate");
        settings.put("spring.main.banner-mode", "off");
        for (String property : properties) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("an emulator property must be key=value: " + property);
            }
            settings.put(property.substring(0, equals).trim(), property.substring(equals + 1).trim());
        }
        KitConfiguration.KitState state = new KitConfiguration.KitState();
        Map<String, Object> testProperties = new ConcurrentHashMap<>();
        SpringApplication application = new SpringApplication(KitConfiguration.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setRegisterShutdownHook(false);
        application.setLogStartupInfo(false);
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton(KitConfiguration.STATE, state);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, testProperties));
        });
        ConfigurableApplicationContext context = application.run(settings.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        return new EmulatorServer(context, state, testProperties);
    }

    URI endpoint() {
        return endpoint;
    }

    EmulatorControl control() {
        return control;
    }

    EmulatorProperties.Tenant demoTenant() {
        return control.demoTenant();
    }

    Journal journal() {
        return state.journal();
    }

    Faults faults() {
        return state.faults();
    }

    /** The zone in which the emulator's dates start (the stub's {@code scp.versions.zone}). */
    ZoneId zone() {
        return context.getBean(ScpVersionLifecycle.class).zone();
    }

    /** The versions served now, newest first (the stub's lifecycle, as it decides per request). */
    List<ScpServiceVersion> servedVersions() {
        return context.getBean(ScpVersionLifecycle.class).served();
    }

    void clock(Clock clock) {
        state.clock().set(clock);
    }

    Clock clock() {
        return state.clock().current();
    }

    void serveRetired(boolean serve) {
        testProperties.put(ScpVersionLifecycle.SERVE_RETIRED_PROPERTY, String.valueOf(serve));
    }

    /** Back to the state it started with: catalog, tenants, clock, versions served, faults, journal. */
    void reset() {
        control.reset();
        state.faults().clear();
        state.clock().reset();
        testProperties.clear();
        state.journal().reset();
    }

    @Override
    public void close() {
        context.close();
    }
}
