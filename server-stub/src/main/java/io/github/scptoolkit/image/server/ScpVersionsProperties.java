package io.github.scptoolkit.image.server;

import java.net.URI;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.github.scptoolkit.image.spec.ScpApi;

/**
 * Which versions are served and how deprecation is announced, {@code scp.versions.*}: bound by
 * Spring Boot (with the stub's auto-configuration), or built in code for plain Spring MVC.
 *
 * <pre>
 * scp.versions.zone=UTC
 * scp.versions.serve-retired=true
 * scp.versions.doc-url=https://docs.example.com/virtualserver
 * scp.versions.document.enabled=false
 * </pre>
 *
 * @param zone Zone in which a version's Not Before date starts. Default: the spec's
 *        x-not-before-zone (ScpApi.NOT_BEFORE_ZONE).
 * @param serveRetired Whether to keep serving DEPRECATED versions past their Not Before date, as an
 *        older deployment did.
 * @param docUrl Target of the Link rel="deprecation" header on answers of deprecated versions.
 * @param document The versions document at GET /.
 */
@ConfigurationProperties(ScpVersionsProperties.PREFIX)
public record ScpVersionsProperties(
        ZoneId zone,
        @DefaultValue("false") boolean serveRetired,
        @DefaultValue(ScpVersionLifecycle.DEFAULT_DOC_URL) URI docUrl,
        @DefaultValue Document document) {

    /** The properties' prefix. */
    public static final String PREFIX = "scp.versions";

    /** Normalizes: no zone means the spec's, no doc URL the default, no document settings the default. */
    public ScpVersionsProperties {
        zone = zone == null ? ScpApi.NOT_BEFORE_ZONE : zone;
        docUrl = docUrl == null ? URI.create(ScpVersionLifecycle.DEFAULT_DOC_URL) : docUrl;
        document = document == null ? new Document(true) : document;
    }

    /** Every default: the spec's zone, retired versions refused, the vendor's doc URL, the document served. */
    public static ScpVersionsProperties defaults() {
        return new ScpVersionsProperties(null, false, null, null);
    }

    /**
     * The versions document, {@code scp.versions.document.*}.
     *
     * @param enabled Whether to serve the versions document at GET /; false leaves GET / to the
     *        application.
     */
    public record Document(@DefaultValue("true") boolean enabled) {
    }
}
