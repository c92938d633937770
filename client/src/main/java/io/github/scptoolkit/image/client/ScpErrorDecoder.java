package io.github.scptoolkit.image.client;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
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

/**
 * Maps error statuses to exceptions: 400/401/403/404 to the typed {@link ScpProblemException}s
 * (never retried), 429/502/503/504 to a {@link RetryableException} carrying the {@code Retry-After}
 * time (seconds or HTTP-date), anything else to Feign's {@link ErrorDecoder.Default}. A body that
 * is not a JSON problem (empty, a proxy's HTML page, truncated JSON) leaves the problem empty and
 * never hides the status. Messages carry the status, the problem's code and detail and Feign's
 * method key, never request headers (where the signature travels); every exception carries a copy
 * of the request with {@code Scp-Signature} redacted ({@link ScpRedaction}).
 */
final class ScpErrorDecoder implements ErrorDecoder {

    static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    /** Read at most this much of an error body (a problem is small; a proxy page need not be kept whole). */
    private static final int MAX_BODY = 64 * 1024;

    /** {@code Retry-After} in delay-seconds. */
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

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
        // Every exception carries a copy of the request without its signature (see ScpRedaction).
        Request request = ScpRedaction.redact(response.request());
        if (status != 400 && status != 401 && status != 403 && status != 404 && !RETRYABLE_STATUSES.contains(status)) {
            return fallback.decode(methodKey, response.toBuilder().request(request).build());
        }
        byte[] body = read(response);
        Map<String, Collection<String>> headers = response.headers();
        if (RETRYABLE_STATUSES.contains(status)) {
            return new RetryableException(status, "[" + status + "] during " + methodKey + " (retryable)",
                    request.httpMethod(), retryAfter(first(headers, "Retry-After")), request, body, headers);
        }
        Problem problem = problem(body);
        return typed(status, message(status, methodKey, problem), request, body, headers, problem);
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

    /** The problem in {@code body}, or null when it is not a JSON object with at least a {@code code} or {@code status}. */
    Problem problem(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject() || !(tree.has("code") || tree.has("status"))) {
                return null;
            }
            return mapper.treeToValue(tree, Problem.class);
        } catch (IOException | IllegalArgumentException notAProblem) {
            return null;
        }
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
