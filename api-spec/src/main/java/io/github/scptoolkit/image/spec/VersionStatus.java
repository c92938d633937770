package io.github.scptoolkit.image.spec;

/**
 * The state of a version, as SCP publishes it in its API reference and versions document.
 *
 * <pre>
 * ScpServiceVersion.getLatest().status();   // VersionStatus.CURRENT
 * </pre>
 */
public enum VersionStatus {
    /** Announced, documented, not callable yet. */
    PLANNED,
    /** The version a request without a version header gets; exactly one at a time. */
    CURRENT,
    /** Served, not the newest. */
    SUPPORTED,
    /** Served until its Not Before date; refused from 00:00 of that date in the service's zone. */
    DEPRECATED
}
