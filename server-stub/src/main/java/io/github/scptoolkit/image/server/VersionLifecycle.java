package io.github.scptoolkit.image.server;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.core.env.Environment;

import io.github.scptoolkit.image.server.ApiVersionFacts.Status;
import io.github.scptoolkit.image.server.ApiVersionFacts.Version;

/**
 * Decides, per request, which versions are served: the spec's facts plus the date today in the
 * configured zone. A DEPRECATED version is <em>retired</em> from 00:00 of its Not Before date in
 * that zone ("Deprecated versions with Not Before dates that have arrived or expired are no
 * longer supported"); PLANNED versions are documented but never callable. Settings (Spring
 * {@link Environment} properties):
 * <ul>
 * <li>{@code scp.versions.zone} (default {@code Asia/Seoul}): the zone in which Not Before dates start;</li>
 * <li>{@code scp.versions.serve-retired} (default {@code false}): keep serving retired versions, as an
 * older deployment did;</li>
 * <li>{@code scp.versions.doc-url}: the {@code Link rel="deprecation"} target of deprecated versions.</li>
 * </ul>
 * The time comes from the application's {@link Clock} bean if it has one, else the system clock.
 */
final class VersionLifecycle {

    static final String ZONE_PROPERTY = "scp.versions.zone";
    static final String SERVE_RETIRED_PROPERTY = "scp.versions.serve-retired";
    static final String DOC_URL_PROPERTY = "scp.versions.doc-url";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");
    /** The vendor's API reference; override with {@code scp.versions.doc-url}. */
    static final String DEFAULT_DOC_URL = "https://docs.e.samsungsdscloud.com/";

    private final ApiVersionFacts facts;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean serveRetired;
    private final URI docUrl;

    VersionLifecycle(ApiVersionFacts facts, Clock clock, ZoneId zone, boolean serveRetired, URI docUrl) {
        this.facts = Objects.requireNonNull(facts);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.serveRetired = serveRetired;
        this.docUrl = Objects.requireNonNull(docUrl);
    }

    static VersionLifecycle from(ApiVersionFacts facts, Clock clock, Environment env) {
        return new VersionLifecycle(facts, clock,
                ZoneId.of(env.getProperty(ZONE_PROPERTY, DEFAULT_ZONE.getId())),
                env.getProperty(SERVE_RETIRED_PROPERTY, Boolean.class, false),
                URI.create(env.getProperty(DOC_URL_PROPERTY, DEFAULT_DOC_URL)));
    }

    ApiVersionFacts facts() {
        return facts;
    }

    URI docUrl() {
        return docUrl;
    }

    /** The date today in the configured zone (read from the clock on every call). */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Whether {@code version} is DEPRECATED and its Not Before date has arrived. */
    boolean isRetired(Version version) {
        return version.status() == Status.DEPRECATED && version.notBefore() != null
                && !today().isBefore(version.notBefore());
    }

    /** Whether a request for {@code version} is served now. */
    boolean isServed(Version version) {
        return version.status() != Status.PLANNED && (serveRetired || !isRetired(version));
    }

    /** The versions served now, newest first (for problem details). */
    List<Version> served() {
        return facts.all().stream().filter(this::isServed).toList();
    }

    /** The version a parsed Spring version ({@code 1.3.0}) stands for, if the spec documents it. */
    Optional<Version> find(Comparable<?> parsed) {
        return facts.findParsed(parsed);
    }

    /** The predicate Spring's API versioning asks, per request, whether a version is supported. */
    boolean isSupported(Comparable<?> parsed) {
        return find(parsed).map(this::isServed).orElse(false);
    }

    /**
     * The Sunset instant of a version: 00:00 of its Not Before date in the configured zone, in UTC
     * (so that the header is an HTTP-date in GMT).
     */
    Optional<ZonedDateTime> sunset(Version version) {
        return Optional.ofNullable(version.notBefore())
                .map(d -> d.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC));
    }
}
