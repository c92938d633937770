package io.github.scptoolkit.image.cli;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;

import io.github.scptoolkit.image.client.ScpCallTimeoutException;
import io.github.scptoolkit.image.client.ScpConfigException;
import io.github.scptoolkit.image.client.ScpEndpointDiscoveryException;
import io.github.scptoolkit.image.client.ScpProblemException;

/**
 * How every command reports a failed call: one {@code error: ...} line on stderr that says what
 * happened, and the exit code of its class (see {@link ScpImageCli}): 3 for 404, 4 for 401/403, 5
 * for any other HTTP error or an answer that is not what the spec says, 6 when no (whole) answer
 * came. Problem bodies of any status are shown with their {@code code} and {@code detail}; a decode
 * failure names the field or the JSON error; "retried" is said only when the call was; an answer
 * that could not be read is never "no answer". Built from what the client's exceptions carry and
 * what {@link Exchanges} saw on the wire.
 *
 * <pre>
 * catch (RuntimeException e) { return Failures.report(e, err, connection); }
 * </pre>
 */
final class Failures {

    /** What to print and the exit code. */
    record Outcome(String text, int exit) {
    }

    private Failures() {
    }

    /** Prints what went wrong; returns the exit code. */
    static int report(Throwable e, PrintWriter err, ConnectionOptions.Connection connection) {
        Outcome outcome = describe(e, connection);
        err.println("error: " + outcome.text());
        return outcome.exit();
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

    static Outcome describe(Throwable e, ConnectionOptions.Connection c) {
        if (e instanceof Deadline.Exceeded late) {
            return new Outcome("no complete answer from " + c.target() + " within --timeout "
                    + DurationOption.format(late.timeout) + attempts(c), ScpImageCli.IO_ERROR);
        }
        if (e instanceof ScpCallTimeoutException timeout) {
            // the client's own deadline, set to --timeout: the same outcome as the CLI's
            return new Outcome("no complete answer from " + c.target() + " within --timeout "
                    + DurationOption.format(c.timeout()) + attempts(c), ScpImageCli.IO_ERROR);
        }
        if (e instanceof ScpEndpointDiscoveryException discovery) {
            if (discovery.getCause() == null) {
                return new Outcome("cannot find the endpoint: " + discovery.getMessage(), ScpImageCli.HTTP_ERROR);
            }
            Outcome cause = describe(discovery.getCause(), c);
            return new Outcome("cannot find the endpoint in the endpoint catalog at " + discovery.authUrl()
                    + discovery.region().or(discovery::defaultRegion).map(r -> " (region " + r + ")").orElse("")
                    + ": " + cause.text(), cause.exit());
        }
        if (e instanceof ScpConfigException || e instanceof IllegalArgumentException) {
            return new Outcome(e.getMessage(), ScpImageCli.USAGE);
        }
        if (e instanceof IllegalStateException && !(e.getCause() instanceof FeignException)) {
            return new Outcome(e.getMessage(), ScpImageCli.USAGE);   // e.g. no credentials
        }
        if (e instanceof RetryableException retryable) {
            return retryable.status() > 0
                    ? new Outcome("HTTP " + retryable.status() + problem(retryable) + retried(retryable, c),
                            exitCode(retryable.status()))
                    : io(retryable, c);
        }
        if (e instanceof DecodeException decode) {
            return new Outcome("HTTP " + decode.status() + " but the answer is not what the spec says: " + decodeFailure(decode),
                    ScpImageCli.HTTP_ERROR);
        }
        if (e instanceof FeignException feign) {
            if (feign.status() >= 200 && feign.status() < 300) {
                return new Outcome("HTTP " + feign.status() + " but the answer could not be read: " + firstLine(feign.getMessage()),
                        ScpImageCli.HTTP_ERROR);
            }
            return new Outcome("HTTP " + feign.status() + problem(feign), exitCode(feign.status()));
        }
        return new Outcome(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())),
                ScpImageCli.INTERNAL_ERROR);
    }

    /** {@code " CODE: detail"} from the problem body (of any status), else that the server sent none. */
    static String problem(FeignException e) {
        String code = null;
        String detail = null;
        if (e instanceof ScpProblemException typed && typed.problem().isPresent()) {
            code = typed.code();
            detail = typed.detail() != null ? typed.detail() : typed.problem().get().getTitle();
        } else {
            JsonNode body = json(e.responseBody().map(Failures::bytes).orElse(new byte[0]));
            if (body != null && body.isObject() && (body.has("code") || body.has("status"))) {
                code = body.path("code").isTextual() ? body.path("code").asText() : null;
                detail = body.path("detail").isTextual() ? body.path("detail").asText()
                        : body.path("title").isTextual() ? body.path("title").asText() : null;
            } else {
                int size = e.responseBody().map(ByteBuffer::remaining).orElse(0);
                String type = header(e.responseHeaders(), "Content-Type");
                return ": the server sent no problem details" + (size == 0 ? " (empty body)"
                        : " (" + (type == null ? "a body" : type) + ", " + size + " bytes)");
            }
        }
        return (code == null ? "" : " " + code) + ": " + (detail == null ? "(no detail)" : detail);
    }

    /** Whether the call was retried, and why not when it was not. */
    private static String retried(RetryableException e, ConnectionOptions.Connection c) {
        int attempts = c.http().attempts();
        if (attempts > 1) {
            return " (retried: " + attempts + " attempts)";
        }
        if (c.maxAttempts() == 1) {
            return " (not retried: --retries 0)";
        }
        if (e.retryAfter() != null) {
            long seconds = Math.max(0, (e.retryAfter() - System.currentTimeMillis() + 999) / 1000);
            return " (not retried: the server asked to wait " + seconds + " s, longer than the client waits)";
        }
        return " (not retried)";
    }

    /** No answer, or an answer whose body could not be read. */
    private static Outcome io(RetryableException e, ConnectionOptions.Connection c) {
        String url = e.request() != null ? e.request().url() : c.target();
        Throwable cause = rootOf(e);
        String tries = attempts(c);
        if (find(e, ZipException.class) != null) {
            return new Outcome("the server at " + url + " answered, but its body is not the compressed data its"
                    + " Content-Encoding header announces (" + cause.getMessage() + ")" + tries, ScpImageCli.HTTP_ERROR);
        }
        if (cause instanceof InterruptedIOException && String.valueOf(cause.getMessage()).contains("--timeout")) {
            return new Outcome("no complete answer from " + url + " within --timeout " + DurationOption.format(c.timeout())
                    + tries, ScpImageCli.IO_ERROR);
        }
        if (find(e, SocketTimeoutException.class) != null && c.deadline() != null
                && !java.time.Instant.now().isBefore(c.deadline().minusMillis(100))) {
            return new Outcome("no complete answer from " + url + " within --timeout " + DurationOption.format(c.timeout())
                    + tries, ScpImageCli.IO_ERROR);
        }
        int status = c.http().lastStatus();
        if (status > 0) {
            // the last attempt got its status and headers: the body is what broke
            String why = find(e, EOFException.class) != null ? find(e, EOFException.class).getMessage()
                    : c.http().bodyFailure() != null ? String.valueOf(c.http().bodyFailure().getMessage())
                    : firstLine(cause.getMessage());
            return new Outcome("HTTP " + status + " from " + url + ", but its body could not be read whole: "
                    + (find(e, SocketTimeoutException.class) != null ? "it stalled past the read timeout" : why) + tries,
                    ScpImageCli.IO_ERROR);
        }
        String why;
        if (find(e, SocketTimeoutException.class) != null) {
            why = "no answer within the read timeout";
        } else if (find(e, ConnectException.class) != null) {
            why = "connection refused";
        } else if (find(e, UnknownHostException.class) != null) {
            why = "unknown host";
        } else {
            why = firstLine(cause.getMessage() != null ? cause.getMessage() : e.getMessage());
        }
        return new Outcome("no answer from " + url + ": " + why + tries, ScpImageCli.IO_ERROR);
    }

    /** {@code " (3 attempts)"} when the call was tried more than once. */
    private static String attempts(ConnectionOptions.Connection c) {
        int n = c.http().attempts();
        return n > 1 ? " (retried: " + n + " attempts)" : "";
    }

    /** Names the field or the JSON error a body could not be decoded for. */
    static String decodeFailure(DecodeException e) {
        JsonParseException syntax = find(e, JsonParseException.class);
        if (syntax != null) {
            return "not valid JSON" + at(syntax.getLocation()) + ": " + firstLine(syntax.getOriginalMessage());
        }
        JsonMappingException mapping = find(e, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            return "field '" + path(mapping) + "': " + firstLine(mapping.getOriginalMessage()) + at(mapping.getLocation());
        }
        if (mapping != null) {
            return firstLine(mapping.getOriginalMessage()) + at(mapping.getLocation());
        }
        String message = firstLine(e.getMessage());
        return message.startsWith("[" + e.status() + "] ") ? message.substring(("[" + e.status() + "] ").length()) : message;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return OutputOptions.JSON.readTree(body);
        } catch (java.io.IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static String header(Map<String, Collection<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, Collection<String>> h : headers.entrySet()) {
            if (name.equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
                return h.getValue().iterator().next();
            }
        }
        return null;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** Lines of a message for {@code --debug}: the cause chain, one line each. */
    static List<String> chain(Throwable e) {
        List<String> lines = new ArrayList<>();
        for (Throwable t = e; t != null && lines.size() < 10; t = t.getCause() == t ? null : t.getCause()) {
            lines.add(t.getClass().getName() + ": " + firstLine(t.getMessage()));
        }
        return lines;
    }
}
