package io.github.scptoolkit.image.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.ProblemDetail;

import io.github.scptoolkit.image.server.ApiVersionFacts.Status;
import io.github.scptoolkit.image.server.ApiVersionFacts.Version;

/**
 * The problem for a refused {@code Scp-Api-Version}, quoting the header as sent and listing the
 * versions served now:
 * <ul>
 * <li>{@code RETIRED_API_VERSION}: a DEPRECATED version whose Not Before date has arrived;</li>
 * <li>{@code UNSUPPORTED_API_VERSION}: anything else (unknown, PLANNED, malformed, other service).</li>
 * </ul>
 */
final class VersionProblems {

    private static final Pattern NUMBER = Pattern.compile(Pattern.quote(ApiVersionFacts.SERVICE) + " (\\d+\\.\\d+)");

    private VersionProblems() {
    }

    static void describe(ProblemDetail problem, String sent, VersionLifecycle lifecycle) {
        String quoted = sent == null ? "(none)" : "'" + ImageNotFoundException.printable(sent) + "'";
        String supported = " Supported: " + lifecycle.served().stream().map(Version::headerValue)
                .collect(Collectors.joining(", ")) + ".";
        Version known = known(sent, lifecycle);
        if (known != null && lifecycle.isRetired(known)) {
            problem.setDetail("Scp-Api-Version " + quoted + " is no longer supported: its Not Before date "
                    + known.notBefore() + " has arrived." + supported);
            ScpProblems.decorate(problem, "RETIRED_API_VERSION", "Retired API version");
        } else if (known != null && known.status() == Status.PLANNED) {
            problem.setDetail("Scp-Api-Version " + quoted + " is planned and cannot be called yet." + supported);
            ScpProblems.decorate(problem, "UNSUPPORTED_API_VERSION", "Unsupported API version");
        } else {
            problem.setDetail("Scp-Api-Version " + quoted + " is not supported." + supported);
            ScpProblems.decorate(problem, "UNSUPPORTED_API_VERSION", "Unsupported API version");
        }
    }

    private static Version known(String sent, VersionLifecycle lifecycle) {
        if (sent == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(sent);
        return m.matches() ? lifecycle.facts().find(m.group(1)).orElse(null) : null;
    }
}
