package io.github.scptoolkit.image.server;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.springframework.core.env.PropertyResolver;

import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * Which versions the server serves now: the spec's lifecycle rules ({@link ServiceVersion#isRetiredOn},
 * {@link ServiceVersion#isCallable}) applied to the date today in the configured zone, read from
 * the clock on every call (so a Not Before date that arrives while the server runs takes effect).
 * Settings: {@link ScpVersionsProperties} ({@code scp.versions.*}); {@code serve-retired} is read on
 * every call from the {@code Environment} too, so a property source changed while the server runs
 * (as the test kit's) takes effect. The emulator's start-up banner asks the same bean, so it never
 * disagrees with the server.
 */
public final class ScpVersionLifecycle {

    /** Zone in which a Not Before date starts ({@link ScpVersionsProperties#zone()}). */
    public static final String ZONE_PROPERTY = ScpVersionsProperties.PREFIX + ".zone";
    /** {@code true} keeps serving DEPRECATED versions past their Not Before date ({@link ScpVersionsProperties#serveRetired()}). */
    public static final String SERVE_RETIRED_PROPERTY = ScpVersionsProperties.PREFIX + ".serve-retired";
    /** Target of {@code Link: <...>; rel="deprecation"} ({@link ScpVersionsProperties#docUrl()}). */
    public static final String DOC_URL_PROPERTY = ScpVersionsProperties.PREFIX + ".doc-url";
    /** Default of {@code scp.versions.doc-url}: the vendor's API reference. */
    public static final String DEFAULT_DOC_URL = "https://docs.e.samsungsdscloud.com/";

    private final Clock clock;
    private final ZoneId zone;
    private final BooleanSupplier serveRetired;
    private final URI docUrl;

    ScpVersionLifecycle(Clock clock, ZoneId zone, boolean serveRetired, URI docUrl) {
        this(clock, zone, () -> serveRetired, docUrl);
    }

    ScpVersionLifecycle(Clock clock, ZoneId zone, BooleanSupplier serveRetired, URI docUrl) {
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.serveRetired = Objects.requireNonNull(serveRetired);
        this.docUrl = Objects.requireNonNull(docUrl);
    }

    /**
     * The lifecycle the {@code scp.versions.*} properties describe.
     *
     * <pre>
     * ScpVersionLifecycle lifecycle = ScpVersionLifecycle.from(Clock.systemUTC(), ScpVersionsProperties.defaults());
     * lifecycle.served();   // the versions served today, newest first
     * </pre>
     */
    public static ScpVersionLifecycle from(Clock clock, ScpVersionsProperties properties) {
        return new ScpVersionLifecycle(clock, properties.zone(), properties.serveRetired(), properties.docUrl());
    }

    /**
     * The same, with {@code scp.versions.serve-retired} read from {@code environment} on every call
     * (falling back to {@code properties}), so that a property source changed while the server runs
     * takes effect.
     */
    static ScpVersionLifecycle from(Clock clock, ScpVersionsProperties properties, PropertyResolver environment) {
        BooleanSupplier serveRetired = () -> environment.getProperty(SERVE_RETIRED_PROPERTY, Boolean.class,
                properties.serveRetired());
        return new ScpVersionLifecycle(clock, properties.zone(), serveRetired, properties.docUrl());
    }

    /** The zone in which Not Before dates start. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether retired versions are served anyway ({@code scp.versions.serve-retired}). */
    public boolean servesRetired() {
        return serveRetired.getAsBoolean();
    }

    URI docUrl() {
        return docUrl;
    }

    /** The date today in the configured zone (read from the clock on every call). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Whether {@code version} is DEPRECATED and its Not Before date has arrived (the spec's rule). */
    public boolean isRetired(ServiceVersion version) {
        return version.isRetiredOn(today());
    }

    /** Whether a request for {@code version} is served now. */
    public boolean isServed(ServiceVersion version) {
        return version.isCallable() && (!version.isRetiredOn(today()) || servesRetired());
    }

    /** The versions served now, newest first. */
    public List<ScpServiceVersion> served() {
        return newestFirst().stream().filter(this::isServed).toList();
    }

    /** The callable versions refused now because their Not Before date has arrived, newest first (empty with serve-retired). */
    public List<ScpServiceVersion> retired() {
        return newestFirst().stream().filter(v -> v.isCallable() && !isServed(v)).toList();
    }

    /** Every version of the spec, newest first (the order the spec and the versions document use). */
    static List<ScpServiceVersion> newestFirst() {
        List<ScpServiceVersion> all = new ArrayList<>(ScpServiceVersion.all());
        all.sort(Collections.reverseOrder());
        return all;
    }

    /** The predicate Spring's API versioning asks, per request, whether a parsed version is supported. */
    boolean isSupported(Comparable<?> parsed) {
        return parsed instanceof ScpServiceVersion version && isServed(version);
    }

    /**
     * The Sunset instant of a version: 00:00 of its Not Before date in the configured zone, in UTC
     * (so that the header is an HTTP-date in GMT).
     */
    Optional<ZonedDateTime> sunset(ServiceVersion version) {
        return version.notBefore().map(d -> d.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC));
    }
}
