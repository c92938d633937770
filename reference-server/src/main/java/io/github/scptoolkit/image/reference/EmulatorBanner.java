package io.github.scptoolkit.image.reference;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.github.scptoolkit.image.server.ScpAuthConfiguration;
import io.github.scptoolkit.image.server.ScpVersionLifecycle;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.VersionStatus;

/**
 * Prints the one start-up banner: URL, the versions served today and the retired ones (asked of
 * the stub's {@link ScpVersionLifecycle}, the same rules and settings it applies per request), the
 * demo access key (or, with signature checks off, the tenant requests act as), catalog size, docs
 * URL, and the {@code ~/.scpconf} files that point SCP's tools at the emulator (its auth URL).
 */
@Component
class EmulatorBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmulatorBanner.class);

    private final ScpVersionLifecycle lifecycle;
    private final ImageCatalog catalog;
    private final EmulatorProperties tenants;

    EmulatorBanner(ScpVersionLifecycle lifecycle, ImageCatalog catalog, EmulatorProperties tenants) {
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.tenants = tenants;
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
                + versions()
                + keys(env)
                + " | " + catalog.size() + " images from " + catalog.location()
                + " | docs " + base + "/docs"
                + scpTools(base + EndpointCatalog.basePath(env));
    }

    /**
     * The {@code ~/.scpconf} files that point SCP's tools (and scp-image) at this emulator: its auth
     * URL and region, the demo access key (its secret key is never printed).
     */
    private String scpTools(String authUrl) {
        return " | SCP tools: ~/.scpconf/config.json {\"auth-url\": \"" + authUrl + "\", \"default-region\": \""
                + tenants.getEndpoints().getRegion() + "\"} and credentials.json {\"access-key\": \""
                + tenants.getTenants().get(0).getAccessKey() + "\", \"secret-key\": \"<its secret key>\"}";
    }

    /** {@code | versions <current> (default), <supported> | retired <...> (--scp.versions.serve-retired=true serves them)}. */
    private String versions() {
        List<ScpServiceVersion> retired = lifecycle.retired();
        String served = lifecycle.served().stream()
                .map(v -> v.getVersion() + (v.status() == VersionStatus.CURRENT ? " (default)" : ""))
                .collect(Collectors.joining(", "));
        return " | versions " + served + (retired.isEmpty() ? "" : " | retired "
                + retired.stream().map(ScpServiceVersion::getVersion).collect(Collectors.joining(", "))
                + " (--" + ScpVersionLifecycle.SERVE_RETIRED_PROPERTY + "=true serves them)");
    }

    /** The demo key (never a secret), or which tenant unsigned requests act as when checks are off. */
    private String keys(Environment env) {
        if (env.getProperty(ScpAuthConfiguration.ENABLED_PROPERTY, Boolean.class, true)) {
            return " | demo access key " + tenants.getTenants().get(0).getAccessKey();
        }
        return " | signature checks OFF: every request acts as " + tenants.anonymousTenantKey().orElse("nobody");
    }
}
