package io.github.scptoolkit.image.server;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.VersionStatus;

/** The versions and paths the tests use, all derived from the spec (so a spec edit keeps them true). */
final class TestSpec {

    /** A version of the right form the spec does not list. */
    static final String UNKNOWN = ScpApi.SERVICE + " 9.9";

    private TestSpec() {
    }

    static ScpServiceVersion current() {
        return ScpServiceVersion.getLatest();
    }

    static List<ScpServiceVersion> withStatus(VersionStatus status) {
        return ScpServiceVersion.all().stream().filter(v -> v.status() == status).toList();
    }

    /** DEPRECATED versions that have a Not Before date. */
    static List<ScpServiceVersion> deprecatedWithNotBefore() {
        return withStatus(VersionStatus.DEPRECATED).stream().filter(v -> v.notBefore().isPresent()).toList();
    }

    /** Callable versions that never retire (CURRENT and SUPPORTED). */
    static List<ScpServiceVersion> active() {
        return ScpServiceVersion.all().stream()
                .filter(v -> v.status() == VersionStatus.CURRENT || v.status() == VersionStatus.SUPPORTED).toList();
    }

    /** Callable versions, newest first. */
    static List<ScpServiceVersion> callableNewestFirst() {
        return ScpServiceVersion.all().stream().filter(ScpServiceVersion::isCallable)
                .sorted(Comparator.reverseOrder()).toList();
    }

    /** 00:00 of {@code date} in the spec's Not Before zone. */
    static Instant midnight(LocalDate date) {
        return date.atStartOfDay(ScpApi.NOT_BEFORE_ZONE).toInstant();
    }

    /** A day by which every Not Before date of the spec has passed. */
    static Instant afterEveryNotBefore() {
        LocalDate last = ScpServiceVersion.all().stream().flatMap(v -> v.notBefore().stream())
                .max(Comparator.naturalOrder()).orElse(LocalDate.of(2025, 1, 1));
        return midnight(last.plusDays(30));
    }

    /** A day before every Not Before date of the spec. */
    static Instant beforeEveryNotBefore() {
        LocalDate first = ScpServiceVersion.all().stream().flatMap(v -> v.notBefore().stream())
                .min(Comparator.naturalOrder()).orElse(LocalDate.of(2030, 1, 1));
        return midnight(first.minusDays(30));
    }

    /** Show Image's path parameter (the image id), with its length limits. */
    static ScpParameter imageId() {
        return ScpApi.SHOW_IMAGE.parameters().stream().filter(p -> p.in() == ScpParameter.In.PATH).findFirst()
                .orElseThrow();
    }

    /** The Show Image path of {@code id}. */
    static String image(String id) {
        return ScpApi.SHOW_IMAGE.path().replaceAll("\\{[^}]+}", id);
    }
}
