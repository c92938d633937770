package io.github.scptoolkit.image.server;

import java.util.stream.Collectors;

import org.springframework.http.ProblemDetail;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The problem for a refused version header, quoting it as sent and listing the versions the
 * operation is served in now:
 * <ul>
 * <li>{@code RETIRED_API_VERSION}: a DEPRECATED version whose Not Before date has arrived;</li>
 * <li>{@code UNSUPPORTED_API_VERSION}: anything else (unknown, PLANNED, malformed, other service,
 * a version the operation does not exist in, or different versions at once: {@link #ambiguous}).</li>
 * </ul>
 */
final class VersionProblems {

    private VersionProblems() {
    }

    /** The problem for a version header sent with different values: which was meant cannot be known. */
    static void ambiguous(ProblemDetail problem, ScpHeaderParameters.Values sent, ScpOperation op,
            ScpVersionLifecycle lifecycle) {
        ScpProblems.decorate(problem, ScpProblemCode.UNSUPPORTED_API_VERSION, ScpApi.VERSION_HEADER
                + " is ambiguous: it was sent with different values (" + sent.quoted() + "). Send one version."
                + supported(op, lifecycle));
    }

    private static String supported(ScpOperation op, ScpVersionLifecycle lifecycle) {
        return " Supported: " + lifecycle.served().stream()
                .filter(v -> op == null || op.responseSchema(v).isPresent())
                .map(ScpServiceVersion::headerValue).collect(Collectors.joining(", ")) + ".";
    }

    static void describe(ProblemDetail problem, String sent, ScpOperation op, ScpVersionLifecycle lifecycle) {
        String quoted = sent == null ? "(none)" : "'" + ScpProblems.printable(sent) + "'";
        String supported = supported(op, lifecycle);
        ScpServiceVersion known = ScpServiceVersion.fromHeaderValue(sent).orElse(null);
        String subject = ScpApi.VERSION_HEADER + " " + quoted;
        if (known != null && lifecycle.isRetired(known) && !lifecycle.servesRetired()) {
            ScpProblems.decorate(problem, ScpProblemCode.RETIRED_API_VERSION, subject + " is no longer supported: "
                    + "its Not Before date " + known.notBefore().orElseThrow() + " has arrived." + supported);
        } else if (known != null && !known.isCallable()) {
            ScpProblems.decorate(problem, ScpProblemCode.UNSUPPORTED_API_VERSION,
                    subject + " is planned and cannot be called yet." + supported);
        } else if (known != null && op != null && op.responseSchema(known).isEmpty()) {
            ScpProblems.decorate(problem, ScpProblemCode.UNSUPPORTED_API_VERSION,
                    subject + " does not have this operation." + supported);
        } else {
            ScpProblems.decorate(problem, ScpProblemCode.UNSUPPORTED_API_VERSION, subject + " is not supported." + supported);
        }
    }
}
