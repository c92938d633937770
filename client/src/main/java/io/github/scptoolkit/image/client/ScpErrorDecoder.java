package io.github.scptoolkit.image.client;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.Response;
import feign.codec.ErrorDecoder;

import io.github.scptoolkit.image.client.generated.model.Problem;
import io.github.scptoolkit.image.client.generated.model.ProblemError;

/**
 * Maps error statuses to exceptions: 400/401/403/404 to the typed {@link ScpProblemException}s
 * (never retried), 429/502/503/504 to a {@link RetryableException} carrying the {@code Retry-After}
 * time (seconds or HTTP-date), anything else to Feign's {@link ErrorDecoder.Default}. The error
 * body is read in any common cloud shape ({@link #problem}): an RFC 9457 problem, an OpenStack
 * {@code {"errors": [...]}} list, a Nova-style {@code {"<name>": {"code", "message"}}} or an
 * {@code {"error": {"code", "message"}}} body, each filling {@code code()}, {@code detail()} and
 * {@code errors()} as far as it can. A body in no such shape (empty, a proxy's HTML page,
 * truncated JSON) leaves the problem empty and never hides the status. Only the first
 * {@value #MAX_BODY} bytes of an error body are read and kept, with any secret value of the request
 * (the signature) a server or proxy echoed redacted. Messages carry the status, the problem's code
 * and detail and Feign's method key, never request headers (where the signature travels); every
 * exception carries a copy of the request with {@code Scp-Signature} redacted ({@link ScpRedaction}).
 */
final class ScpErrorDecoder implements ErrorDecoder {

    static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    /** Read and keep at most this much of an error body (a problem is small; a proxy page need not be kept whole). */
    static final int MAX_BODY = 4 * 1024;

    /** {@code Retry-After} in delay-seconds. */
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

    /** The members of an RFC 9457 problem (and of this API's extension {@code code}). */
    private static final List<String> PROBLEM_MEMBERS = List.of("code", "status", "type", "title", "detail");

    private final ObjectMapper mapper;
    private final Clock clock;
    private final ErrorDecoder fallback = new ErrorDecoder.Default();

    ScpErrorDecoder(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        // Every exception carries a copy of the request without its signature (see ScpRedaction),
        // and a bounded body without any secret the server echoed.
        Request request = ScpRedaction.redact(response.request());
        byte[] body = ScpRedaction.scrub(read(response), response.request());
        if (status != 400 && status != 401 && status != 403 && status != 404 && !RETRYABLE_STATUSES.contains(status)) {
            return fallback.decode(methodKey, response.toBuilder().request(request).body(body).build());
        }
        Map<String, Collection<String>> headers = response.headers();
        if (RETRYABLE_STATUSES.contains(status)) {
            return new RetryableException(status, "[" + status + "] during " + methodKey + " (retryable)",
                    request.httpMethod(), retryAfter(first(headers, "Retry-After")), request, body, headers);
        }
        Problem problem = problem(body, status);
        return typed(status, ScpRedaction.scrub(message(status, methodKey, problem), response.request()), request,
                body, headers, problem);
    }

    /** The typed exception of a 400, 401, 403 or 404 (any other status: a 404's). */
    static FeignException typed(int status, String message, Request request, byte[] body,
            Map<String, Collection<String>> headers, Problem problem) {
        return switch (status) {
            case 400 -> new ScpBadRequestException(message, request, body, headers, problem);
            case 401 -> new ScpUnauthorizedException(message, request, body, headers, problem);
            case 403 -> new ScpForbiddenException(message, request, body, headers, problem);
            default -> new ScpNotFoundException(message, request, body, headers, problem);
        };
    }

    /**
     * The problem in an error body of HTTP {@code status}, or null when it is in no shape this
     * decoder reads:
     * <ul>
     * <li>an RFC 9457 problem: a JSON object with at least one of {@code code}, {@code status},
     *     {@code type}, {@code title}, {@code detail};</li>
     * <li>an OpenStack error list {@code {"errors": [{"code", "title", "detail", "status"}, ...]}}:
     *     the first entry gives the code and detail, every entry an {@code errors()} item;</li>
     * <li>one member whose value is an object with a {@code message} or {@code code}: Nova's
     *     {@code {"badRequest": {"code": 400, "message": "..."}}} (the member's name is the code,
     *     as the number is the status) and {@code {"error": {"code": "...", "message": "..."}}}
     *     (the code if it is text, else the error's textual {@code status}, e.g. {@code NOT_FOUND});</li>
     * <li>a JSON object with a text {@code message} (e.g. an API gateway's): the detail.</li>
     * </ul>
     */
    Problem problem(byte[] body, int status) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
        if (tree == null || !tree.isObject()) {
            return null;
        }
        if (PROBLEM_MEMBERS.stream().anyMatch(tree::has)) {
            return rfc9457(tree, status);
        }
        JsonNode errors = tree.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty() && errors.get(0).isObject()) {
            return openStack(errors, status);
        }
        if (tree.size() == 1) {
            Map.Entry<String, JsonNode> only = tree.properties().iterator().next();
            JsonNode inner = only.getValue();
            if (inner.isObject() && (inner.has("message") || inner.has("code"))) {
                return wrapped(only.getKey(), inner, status);
            }
        }
        String message = text(tree.get("message"));
        return message == null ? null : problem(status, null, null, message, List.of());
    }

    private Problem rfc9457(JsonNode tree, int status) {
        try {
            Problem problem = mapper.treeToValue(tree, Problem.class);
            if (problem.getDetail() == null && text(tree.get("message")) != null) {
                problem.setDetail(text(tree.get("message")));
            }
            return problem;
        } catch (IOException | IllegalArgumentException notQuiteAProblem) {
            // e.g. "status": "oops": keep what can be read
            List<ProblemError> errors = new ArrayList<>();
            JsonNode list = tree.get("errors");
            if (list != null && list.isArray()) {
                list.forEach(entry -> errors.add(error(entry, status)));
            }
            Problem problem = problem(status, code(tree.get("code")), text(tree.get("title")),
                    text(tree.get("detail")), errors);
            problem.setType(text(tree.get("type")));
            problem.setInstance(text(tree.get("instance")));
            return problem;
        }
    }

    private static Problem openStack(JsonNode errors, int status) {
        List<ProblemError> entries = new ArrayList<>();
        errors.forEach(entry -> entries.add(error(entry, status)));
        ProblemError first = entries.get(0);
        return problem(status, first.getCode(), first.getTitle(),
                first.getDetail() != null ? first.getDetail() : first.getTitle(), entries);
    }

    private static Problem wrapped(String name, JsonNode inner, int status) {
        String code = code(inner.get("code"));
        if (code == null) {
            code = code(inner.get("status"));
        }
        if (code == null && !"error".equals(name)) {
            code = name;   // Nova: the member's name is the code, its "code" the status
        }
        String detail = text(inner.get("message"));
        if (detail == null) {
            detail = text(inner.get("detail"));
        }
        String title = text(inner.get("title"));
        ProblemError entry = new ProblemError().status(String.valueOf(status)).code(code).title(title).detail(detail);
        return problem(status, code, title, detail, List.of(entry));
    }

    private static ProblemError error(JsonNode entry, int status) {
        String entryStatus = text(entry.get("status"));
        return new ProblemError().status(entryStatus != null ? entryStatus : String.valueOf(status))
                .code(code(entry.get("code"))).title(text(entry.get("title"))).detail(text(entry.get("detail")));
    }

    private static Problem problem(int status, String code, String title, String detail, List<ProblemError> errors) {
        Problem problem = new Problem().status(status).code(code).title(title).detail(detail);
        problem.setErrors(new ArrayList<>(errors));
        return problem;
    }

    /** A scalar as text (a number too), or null. */
    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** A machine-readable code: text that is not just a number (a number is a status), or null. */
    private static String code(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() && !node.asText().chars().allMatch(Character::isDigit)
                ? node.asText() : null;
    }

    /** Epoch millis to retry at, from {@code Retry-After} seconds or HTTP-date; null when absent or invalid. */
    Long retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (SECONDS.matcher(v).matches()) {
            return clock.millis() + Long.parseLong(v) * 1000L;
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String message(int status, String methodKey, Problem problem) {
        StringBuilder m = new StringBuilder().append('[').append(status).append(']');
        if (problem != null && problem.getCode() != null) {
            m.append(' ').append(problem.getCode());
        }
        if (problem != null && problem.getDetail() != null) {
            m.append(": ").append(problem.getDetail());
        }
        return m.append(" during ").append(methodKey).toString();
    }

    private static byte[] read(Response response) {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readNBytes(MAX_BODY);
        } catch (IOException unreadable) {
            return new byte[0];
        }
    }

    static String first(Map<String, Collection<String>> headers, String name) {
        for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().iterator().next();
            }
        }
        return null;
    }
}
