package io.github.scptoolkit.image.spec;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A version of an SCP service, with the lifecycle rules every part of the toolkit applies (the
 * one place they are written): a DEPRECATED version is <em>retired</em> from 00:00 of its Not
 * Before date in {@link ScpApi#NOT_BEFORE_ZONE}; a PLANNED one is never callable. The versions
 * themselves are the generated {@link ScpServiceVersion} constants.
 *
 * <pre>
 * LocalDate today = ServiceVersion.today(Clock.systemUTC());
 * for (ScpServiceVersion v : ScpServiceVersion.all()) {
 *     System.out.println(v.id() + " " + v.status() + " served: " + v.isServedOn(today)
 *             + " days left: " + v.daysLeft(today));
 * }
 * </pre>
 */
public interface ServiceVersion {

    /** The version number, e.g. {@code "1.3"}. */
    String getVersion();

    /** The state the spec gives this version. */
    VersionStatus status();

    /** The date from which this version is no longer served, if it has one. */
    Optional<LocalDate> notBefore();

    /** The version header value, e.g. {@code "virtualserver 1.3"}. */
    String headerValue();

    /** The id the versions document uses, e.g. {@code "v1.3"}. */
    default String id() {
        return "v" + getVersion();
    }

    /** Whether the spec marks this version DEPRECATED. */
    default boolean isDeprecated() {
        return status() == VersionStatus.DEPRECATED;
    }

    /** Whether the version can be called at all (every state but PLANNED). */
    default boolean isCallable() {
        return status() != VersionStatus.PLANNED;
    }

    /** Whether this version is DEPRECATED and its Not Before date is {@code today} or earlier. */
    default boolean isRetiredOn(LocalDate today) {
        return isDeprecated() && notBefore().map(d -> !today.isBefore(d)).orElse(false);
    }

    /** Whether a server with default settings serves this version on {@code today}. */
    default boolean isServedOn(LocalDate today) {
        return isCallable() && !isRetiredOn(today);
    }

    /**
     * Days from {@code today} to the Not Before date (0 on that date, negative after it), or empty
     * when the version has none: what SCP's own tools compare with {@code max-remain-days}.
     */
    default OptionalLong daysLeft(LocalDate today) {
        return notBefore().map(d -> OptionalLong.of(ChronoUnit.DAYS.between(today, d))).orElse(OptionalLong.empty());
    }

    /** The date today in {@link ScpApi#NOT_BEFORE_ZONE}, by {@code clock}. */
    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ScpApi.NOT_BEFORE_ZONE);
    }

    /** The element of {@code versions} whose {@code key} equals {@code value}. */
    static <V extends ServiceVersion> Optional<V> find(List<V> versions, String value, Function<V, String> key) {
        Objects.requireNonNull(versions, "versions");
        if (value == null) {
            return Optional.empty();
        }
        for (V v : versions) {
            if (key.apply(v).equals(value)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
