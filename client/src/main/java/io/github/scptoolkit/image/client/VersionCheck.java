package io.github.scptoolkit.image.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.scptoolkit.image.client.generated.model.ApiVersionDetail;
import io.github.scptoolkit.image.client.generated.model.ApiVersionList;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;
import io.github.scptoolkit.image.spec.VersionStatus;

/**
 * The lifecycle of one version as a service publishes it in its versions document ({@code GET /}),
 * on a given day: its state, Not Before date, days left to that date and whether it is retired
 * (the rules are {@link ServiceVersion}'s). This is what SCP's own tools check at start: they warn
 * when a version they use has {@value #DEFAULT_MAX_REMAIN_DAYS} days or fewer left
 * ({@code max-remain-days}).
 *
 * <pre>
 * VersionCheck check = client.versionCheck();           // the client's version, today
 * if (check.expiresWithin(VersionCheck.DEFAULT_MAX_REMAIN_DAYS)) {
 *     log.warn("{} is {}: {} days left", check.id(), check.status(), check.daysLeft().getAsLong());
 * }
 * List&lt;VersionCheck&gt; all = VersionCheck.all(client.versions(), ServiceVersion.today(clock));
 * </pre>
 *
 * @param id the version's id in the document, {@code v<major>.<minor>}
 * @param status its state as published ({@code PLANNED}, {@code CURRENT}, {@code SUPPORTED},
 *        {@code DEPRECATED}; a newer service may publish another value)
 * @param notBefore the date from which it is no longer served, if any
 * @param daysLeft days from the day checked to the Not Before date (negative once passed)
 * @param retired whether it is DEPRECATED and its Not Before date has arrived
 * @param documented whether the facts come from the service's document; false when the document
 *        did not list the version and they come from this client's spec
 */
public record VersionCheck(String id, String status, Optional<LocalDate> notBefore, OptionalLong daysLeft,
        boolean retired, boolean documented) {

    /** SCP's tools warn when a version has this many days or fewer left ({@code max-remain-days}). */
    public static final int DEFAULT_MAX_REMAIN_DAYS = 90;

    /** How SCP's tools start the warning about a version whose Not Before date is near or past. */
    public static final String SUPPORTED_UNTIL_WARNING = "Supported Until - Warning";

    /** How this toolkit starts the warning about a version the service's versions document does not list. */
    public static final String UNSUPPORTED_VERSION_WARNING = "Unsupported Version - Warning";

    public VersionCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(daysLeft, "daysLeft");
    }

    /**
     * The check of {@code version} on {@code today}: the document's entry for it when there is one,
     * else the facts of this client's spec.
     */
    public static VersionCheck of(ScpServiceVersion version, ApiVersionList document, LocalDate today) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(today, "today");
        for (ApiVersionDetail entry : entries(document)) {
            if (version.id().equals(entry.getId())) {
                return of(entry, today);
            }
        }
        return check(version, version.status().name(), today, false);
    }

    /** The check of every version the document lists, in its order. */
    public static List<VersionCheck> all(ApiVersionList document, LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<VersionCheck> out = new ArrayList<>();
        for (ApiVersionDetail entry : entries(document)) {
            out.add(of(entry, today));
        }
        return List.copyOf(out);
    }

    private static VersionCheck of(ApiVersionDetail entry, LocalDate today) {
        Documented documented = new Documented(entry);
        return check(documented, String.valueOf(entry.getStatus()), today, true);
    }

    private static VersionCheck check(ServiceVersion v, String status, LocalDate today, boolean documented) {
        return new VersionCheck(v.id(), status, v.notBefore(), v.daysLeft(today), v.isRetiredOn(today), documented);
    }

    private static List<ApiVersionDetail> entries(ApiVersionList document) {
        Objects.requireNonNull(document, "document");
        return document.getVersions() == null ? List.of()
                : document.getVersions().stream().filter(Objects::nonNull).filter(e -> e.getId() != null).toList();
    }

    /** The version of this client's spec with this id; empty for a version the client does not know. */
    public Optional<ScpServiceVersion> version() {
        return ScpServiceVersion.fromVersion(id);
    }

    /** Whether this is the CURRENT version (the one served to requests without a version header). */
    public boolean isCurrent() {
        return VersionStatus.CURRENT.name().equals(status);
    }

    /** Whether the version has a Not Before date at most {@code maxRemainDays} days away (or passed). */
    public boolean expiresWithin(int maxRemainDays) {
        return daysLeft.isPresent() && daysLeft.getAsLong() <= maxRemainDays;
    }

    /**
     * The warning SCP's tools give at start for this version, in their wording, or empty when none
     * is due: when the document lists it with a Not Before date at most {@code maxRemainDays} days
     * away (or passed),
     * {@code Supported Until - Warning virtualserver(kr-west1) [v<version>], Until Supported date <not-before>: <n> days left};
     * when the document does not list it ({@link #documented()} false), that it is an unsupported
     * version and the client should be updated.
     *
     * <pre>
     * check.supportWarning("virtualserver(kr-west1)", VersionCheck.DEFAULT_MAX_REMAIN_DAYS).ifPresent(log::warn);
     * </pre>
     *
     * @param where the service and region as SCP's tools name them, e.g. {@code virtualserver(kr-west1)}
     */
    public Optional<String> supportWarning(String where, int maxRemainDays) {
        Objects.requireNonNull(where, "where");
        if (!documented) {
            return Optional.of(UNSUPPORTED_VERSION_WARNING + " " + where + " [" + id + "]: the service's versions document "
                    + "does not list it; it is an unsupported version: update the client (or choose a version the "
                    + "service lists)");
        }
        if (!expiresWithin(maxRemainDays)) {
            return Optional.empty();
        }
        return Optional.of(SUPPORTED_UNTIL_WARNING + " " + where + " [" + id + "], Until Supported date "
                + notBefore.orElseThrow() + ": " + daysLeft.getAsLong() + " days left");
    }

    /** A document entry seen through the lifecycle rules of {@link ServiceVersion}. */
    private record Documented(ApiVersionDetail entry) implements ServiceVersion {

        @Override
        public String getVersion() {
            String id = entry.getId();
            return id.startsWith("v") ? id.substring(1) : id;
        }

        @Override
        public VersionStatus status() {
            for (VersionStatus s : VersionStatus.values()) {
                if (s.name().equals(entry.getStatus())) {
                    return s;
                }
            }
            return null; // a state this build does not know: none of the rules applies
        }

        @Override
        public Optional<LocalDate> notBefore() {
            return Optional.ofNullable(entry.getNotBefore());
        }

        @Override
        public String headerValue() {
            return ScpApi.SERVICE + " " + getVersion();
        }

        @Override
        public String id() {
            return entry.getId();
        }
    }
}
