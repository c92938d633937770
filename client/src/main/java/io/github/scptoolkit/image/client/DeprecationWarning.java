package io.github.scptoolkit.image.client;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * The one warning a client bound to a DEPRECATED (or PLANNED) version logs when it is built (not
 * per call), through {@link System.Logger} so that the client needs no logging library: logger
 * {@code io.github.scptoolkit.image.client.ScpImageClient}. The client still calls the version; the
 * server decides. Whether the version is retired is {@link ServiceVersion#isRetiredOn}'s rule,
 * on the day {@link ServiceVersion#today(Clock)} gives.
 */
final class DeprecationWarning {

    static final System.Logger LOG = System.getLogger(ScpImageClient.class.getName());

    private DeprecationWarning() {
    }

    static void warnIfDeprecated(ScpServiceVersion version, Clock clock) {
        message(version, clock).ifPresent(m -> LOG.log(Level.WARNING, m));
    }

    /** The warning for {@code version} at the clock's time, if it is DEPRECATED or PLANNED. */
    static Optional<String> message(ScpServiceVersion version, Clock clock) {
        String moveTo = "; move to '" + ScpServiceVersion.getLatest().headerValue() + "'.";
        if (!version.isCallable()) {
            return Optional.of(ScpApi.VERSION_HEADER + " '" + version.headerValue() + "' is " + version.status()
                    + ": the service does not serve it yet (it answers " + refusal(ScpProblemCode.UNSUPPORTED_API_VERSION)
                    + ")" + moveTo);
        }
        if (!version.isDeprecated()) {
            return Optional.empty();
        }
        LocalDate today = ServiceVersion.today(clock);
        String notBefore = version.notBefore().map(d -> d + " (Not Before, " + ScpApi.NOT_BEFORE_ZONE + ")")
                .orElse("a date not yet announced");
        String when = version.isRetiredOn(today)
                ? "SCP stopped serving it on " + notBefore + " (it answers " + refusal(ScpProblemCode.RETIRED_API_VERSION)
                        + "; a server emulating an older deployment may still serve it)"
                : "the service stops serving it on " + notBefore;
        return Optional.of(ScpApi.VERSION_HEADER + " '" + version.headerValue() + "' is " + version.status() + ": "
                + when + moveTo);
    }

    private static String refusal(ScpProblemCode code) {
        return code.status() + " " + code.code();
    }
}
