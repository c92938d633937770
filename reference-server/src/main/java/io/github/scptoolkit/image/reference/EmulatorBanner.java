package io.github.scptoolkit.image.reference;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.github.scptoolkit.image.server.ApiVersionFacts;
import io.github.scptoolkit.image.server.ScpAuthConfiguration;

/**
 * Prints the one start-up banner: URL, the versions served today and the retired ones (the spec's
 * facts, the {@code scp.versions.*} settings and the clock, as the stub decides per request), the
 * demo access key (or, with signature checks off, the tenant requests act as), catalog size, docs URL.
 */
@Component
class EmulatorBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmulatorBanner.class);

    private final ApiVersionFacts facts;
    private final ImageCatalog catalog;
    private final EmulatorProperties tenants;
    private final Clock clock;

    EmulatorBanner(ApiVersionFacts facts, ImageCatalog catalog, EmulatorProperties tenants, ObjectProvider<Clock> clock) {
        this.facts = facts;
        this.catalog = catalog;
        this.tenants = tenants;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : env.getProperty("server.port", Integer.class, 8080);
        log.info(text(env, port));
    }

    String text(Environment env, int port) {
        String base = "http://" + env.getProperty("server.address", "127.0.0.1") + ":" + port;
        return "SCP image-API emulator on " + base
                + versions(env)
                + keys(env)
                + " | " + catalog.size() + " images from " + catalog.location()
                + " | docs " + base + "/docs";
    }

    /** {@code | versions 1.3 (default), 1.2 | retired 1.1, 1.0 (--scp.versions.serve-retired=true serves them)}. */
    private String versions(Environment env) {
        ZoneId zone = ZoneId.of(env.getProperty("scp.versions.zone", "Asia/Seoul"));
        boolean serveRetired = env.getProperty("scp.versions.serve-retired", Boolean.class, false);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<ApiVersionFacts.Version> retired = facts.callable().stream()
                .filter(v -> !serveRetired && v.status() == ApiVersionFacts.Status.DEPRECATED && v.notBefore() != null
                        && !today.isBefore(v.notBefore()))
                .toList();
        String served = facts.callable().stream().filter(v -> !retired.contains(v))
                .map(v -> v.version() + (v.status() == ApiVersionFacts.Status.CURRENT ? " (default)" : ""))
                .collect(Collectors.joining(", "));
        return " | versions " + served + (retired.isEmpty() ? "" : " | retired "
                + retired.stream().map(ApiVersionFacts.Version::version).collect(Collectors.joining(", "))
                + " (--scp.versions.serve-retired=true serves them)");
    }

    /** The demo key (never a secret), or which tenant unsigned requests act as when checks are off. */
    private String keys(Environment env) {
        if (env.getProperty(ScpAuthConfiguration.ENABLED_PROPERTY, Boolean.class, true)) {
            return " | demo access key " + tenants.getTenants().get(0).getAccessKey();
        }
        return " | signature checks OFF: every request acts as " + tenants.anonymousTenantKey().orElse("nobody");
    }
}
