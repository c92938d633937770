package io.github.scptoolkit.image.reference;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.github.scptoolkit.image.server.ApiVersionFacts;

/**
 * Prints the one start-up banner: URL, served versions (from the spec), demo access key (or, with
 * signature checks off, the tenant requests act as), catalog size, docs URL.
 */
@Component
class EmulatorBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmulatorBanner.class);

    private final ApiVersionFacts facts;
    private final ImageCatalog catalog;
    private final EmulatorProperties tenants;

    EmulatorBanner(ApiVersionFacts facts, ImageCatalog catalog, EmulatorProperties tenants) {
        this.facts = facts;
        this.catalog = catalog;
        this.tenants = tenants;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info(text(event));
    }

    /** The demo key (never a secret), or which tenant unsigned requests act as when checks are off. */
    private String keys(Environment env) {
        if (env.getProperty("scp.auth.enabled", Boolean.class, true)) {
            return " | demo access key " + tenants.getTenants().get(0).getAccessKey();
        }
        return " | signature checks OFF: every request acts as " + tenants.anonymousTenantKey().orElse("nobody");
    }

    String text(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : env.getProperty("server.port", Integer.class, 8080);
        String host = env.getProperty("server.address", "127.0.0.1");
        String versions = facts.callable().stream()
                .map(v -> v.version() + (v.status() == ApiVersionFacts.Status.CURRENT ? " (default)" : ""))
                .collect(Collectors.joining(", "));
        return "SCP image-API emulator on http://" + host + ":" + port
                + " | versions " + versions
                + keys(env)
                + " | " + catalog.size() + " images from " + catalog.location()
                + " | docs http://" + host + ":" + port + "/docs";
    }
}
