package io.github.scptoolkit.image.client;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * The one warning a client bound to a DEPRECATED version logs when it is built (not per call),
 * through {@link System.Logger} so that the client needs no logging library: logger
 * {@code io.github.scptoolkit.image.client.ScpImageClient}. The client still calls the version; the
 * server decides.
 */
final class DeprecationWarning {

    static final System.Logger LOG = System.getLogger(ScpImageClient.class.getName());

    private DeprecationWarning() {
    }

    static void warnIfDeprecated(ApiVersion version, Clock clock) {
        message(version, clock).ifPresent(m -> LOG.log(Level.WARNING, m));
    }

    /** The warning for {@code version} at the clock's time, if it is DEPRECATED. */
    static Optional<String> message(ApiVersion version, Clock clock) {
        if (!version.isDeprecated()) {
            return Optional.empty();
        }
        String notBefore = version.notBefore().map(d -> d + " (Not Before, " + ApiVersion.SERVICE_ZONE + ")")
                .orElse("a date not yet announced");
        String when = version.isRetired(clock)
                ? "SCP stopped serving it on " + notBefore + " (it answers 400 RETIRED_API_VERSION; a server "
                        + "emulating an older deployment may still serve it)"
                : "the service stops serving it on " + notBefore;
        return Optional.of("Scp-Api-Version '" + version.headerValue() + "' is DEPRECATED: " + when
                + "; move to '" + ApiVersion.latest().headerValue() + "'.");
    }
}
