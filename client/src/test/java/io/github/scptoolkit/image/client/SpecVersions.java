package io.github.scptoolkit.image.client;

import java.util.Comparator;

import org.junit.jupiter.api.Assumptions;

import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.VersionStatus;

/**
 * Versions for tests, derived from the spec so that a spec edit (a new CURRENT version, a version
 * deprecated) needs no test edit: the CURRENT one, a SUPPORTED one, a DEPRECATED one with a Not
 * Before date, and a header value no spec will have.
 */
final class SpecVersions {

    /** A well-formed version header value of this service that names no version. */
    static final String UNKNOWN = "virtualserver 9.9";

    private SpecVersions() {
    }

    /** The CURRENT version. */
    static ScpServiceVersion current() {
        return ScpServiceVersion.getLatest();
    }

    /** The newest SUPPORTED version (skips the test when the spec has none). */
    static ScpServiceVersion supported() {
        return newest(VersionStatus.SUPPORTED);
    }

    /** The newest DEPRECATED version with a Not Before date (skips the test when the spec has none). */
    static ScpServiceVersion deprecated() {
        return newest(VersionStatus.DEPRECATED);
    }

    private static ScpServiceVersion newest(VersionStatus status) {
        ScpServiceVersion found = ScpServiceVersion.all().stream()
                .filter(v -> v.status() == status && v.notBefore().isPresent())
                .max(Comparator.comparing(v -> v.notBefore().orElseThrow()))
                .orElse(null);
        Assumptions.assumeTrue(found != null, "the spec has no " + status + " version with a Not Before date");
        return found;
    }
}
