package io.github.scptoolkit.image.cli;

import java.io.PrintWriter;

import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;

import io.github.scptoolkit.image.client.ScpCallTimeoutException;
import io.github.scptoolkit.image.client.ScpProblemException;

/**
 * How every command reports a failed call: one {@code error: ...} line on stderr and the exit
 * code of its class (see {@link ScpImageCli}): 3 for 404, 4 for 401/403, 5 for any other HTTP
 * error or an answer that is not what the spec says (a 200 breaking the version's contract), 6 when
 * no (complete) answer came (also: the call timeout passed).
 *
 * <pre>
 * catch (RuntimeException e) { return Failures.report(e, err, endpoint); }
 * </pre>
 */
final class Failures {

    private Failures() {
    }

    /** Prints what went wrong with a call to {@code endpoint}; returns the exit code. Rethrows anything not a Feign failure. */
    static int report(RuntimeException e, PrintWriter err, String endpoint) {
        if (e instanceof ScpCallTimeoutException timeout) {
            err.println("error: no complete answer from " + endpoint + ": " + timeout.getMessage());
            return ScpImageCli.IO_ERROR;
        }
        if (e instanceof RetryableException retryable) {
            if (retryable.status() > 0) {
                err.println("error: HTTP " + retryable.status() + ": the service kept failing (retried)");
                return ScpImageCli.HTTP_ERROR;
            }
            err.println("error: no answer from " + endpoint + ": " + retryable.getMessage());
            return ScpImageCli.IO_ERROR;
        }
        if (e instanceof DecodeException decode) {
            err.println("error: HTTP " + decode.status() + " but the answer is not what the spec says: " + decode.getMessage());
            return ScpImageCli.HTTP_ERROR;
        }
        if (e instanceof FeignException feign) {
            err.println(describe(feign));
            return exitCode(feign.status());
        }
        throw e;
    }

    static int exitCode(int status) {
        if (status == 404) {
            return ScpImageCli.NOT_FOUND;
        }
        if (status == 401 || status == 403) {
            return ScpImageCli.NOT_AUTHORIZED;
        }
        return status < 0 ? ScpImageCli.IO_ERROR : ScpImageCli.HTTP_ERROR;
    }

    /**
     * {@code error: HTTP 404 IMAGE_NOT_FOUND: No image ...} from the client's typed exception (400,
     * 401, 403, 404 with a problem body); just the status otherwise.
     */
    static String describe(FeignException e) {
        StringBuilder line = new StringBuilder("error: HTTP ").append(e.status());
        if (e instanceof ScpProblemException problem && problem.problem().isPresent()) {
            if (problem.code() != null) {
                line.append(' ').append(problem.code());
            }
            return line.append(": ").append(problem.detail() != null ? problem.detail() : "(no detail)").toString();
        }
        return line.append(": the server sent no problem details").toString();
    }
}
