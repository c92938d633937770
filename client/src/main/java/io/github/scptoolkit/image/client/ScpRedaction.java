package io.github.scptoolkit.image.client;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.Request;
import feign.RetryableException;
import feign.codec.DecodeException;

/**
 * Keeps replayable requests inside the client. Feign puts the request it sent (every header,
 * {@code Scp-Signature} included, and the request template that built it) into each
 * {@code FeignException}, whose {@code request().toString()} and {@code request().headers()} would
 * then hand anyone who logs the exception a complete signed request to replay within the
 * timestamp window. So every exception the client throws carries instead a copy of the request
 * whose {@code Scp-Signature} (and {@code Authorization}, {@code Proxy-Authorization}) values read
 * {@value ScpMaskingLogger#REDACTED}, without Feign's request template: the decoders build their
 * exceptions over such copies, and {@link #handlers} redacts, at the proxy, those Feign builds
 * itself (an I/O error, a failure while reading a body).
 */
final class ScpRedaction {

    private ScpRedaction() {
    }

    /** A copy of {@code request} with secret header values redacted and no request template. */
    static Request redact(Request request) {
        if (isClean(request)) {
            return request;
        }
        return Request.create(request.httpMethod(), request.url(), redact(request.headers()), request.body(),
                request.charset(), null);
    }

    /** {@code headers} with the values of {@link ScpMaskingLogger#isMasked masked} headers redacted. */
    static Map<String, Collection<String>> redact(Map<String, Collection<String>> headers) {
        if (headers == null || isClean(headers)) {
            return headers;
        }
        Map<String, Collection<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, ScpMaskingLogger.isMasked(name)
                ? values.stream().map(v -> ScpMaskingLogger.REDACTED).toList() : values));
        return copy;
    }

    /**
     * {@code e} itself when it carries nothing secret, else a copy of the same type (Feign's
     * {@code RetryableException}, {@code DecodeException}, the client's typed problem exceptions;
     * any other {@code FeignException} becomes a plain one) over the redacted request, with the same
     * status, message (any secret header value in it redacted too), cause, response body, stack
     * trace and suppressed exceptions.
     */
    static FeignException redact(FeignException e) {
        if (isClean(e)) {
            return e;
        }
        Request request = redact(e.request());
        Map<String, Collection<String>> headers = redact(e.responseHeaders());
        String message = scrub(e.getMessage(), e);
        FeignException copy;
        if (e instanceof RetryableException retryable) {
            copy = e.getCause() != null
                    ? new RetryableException(e.status(), message, retryable.method(), e.getCause(),
                            retryable.retryAfter(), request)
                    : new RetryableException(e.status(), message, retryable.method(), retryable.retryAfter(),
                            request, body(e), headers);
        } else if (e instanceof DecodeException) {
            copy = e.getCause() != null ? new DecodeException(e.status(), message, request, e.getCause())
                    : new DecodeException(e.status(), message, request);
        } else if (e instanceof ScpCallTimeoutException timeout) {
            copy = new ScpCallTimeoutException(message, request, e.getCause(), timeout.timeout(), timeout.attempts());
        } else if (e instanceof ScpProblemException typed) {
            copy = ScpErrorDecoder.typed(e.status(), message, request, body(e), headers, typed.problem().orElse(null));
        } else {
            copy = new Redacted(e.status(), message, request, e.getCause(), body(e), headers);
        }
        copy.setStackTrace(e.getStackTrace());
        for (Throwable suppressed : e.getSuppressed()) {
            copy.addSuppressed(suppressed);
        }
        return copy;
    }

    /**
     * Wraps Feign's invocation handlers so that no {@code FeignException} leaves a client method
     * (nor the generated interface behind {@code ScpImageClient.api()}) unredacted.
     */
    static InvocationHandlerFactory handlers(InvocationHandlerFactory delegate) {
        return (target, dispatch) -> {
            InvocationHandler handler = delegate.create(target, dispatch);
            return (proxy, method, args) -> {
                try {
                    return handler.invoke(proxy, method, args);
                } catch (FeignException e) {
                    throw redact(e);
                }
            };
        };
    }

    /**
     * {@code message} without the secret header values {@code e} carries (Feign's messages never
     * contain them, but a custom HTTP client's might).
     */
    private static String scrub(String message, FeignException e) {
        if (message == null) {
            return null;
        }
        String scrubbed = message;
        List<Map<String, Collection<String>>> sources = new ArrayList<>();
        sources.add(e.responseHeaders());
        if (e.hasRequest()) {
            sources.add(e.request().headers());
        }
        for (Map<String, Collection<String>> headers : sources) {
            for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
                if (ScpMaskingLogger.isMasked(header.getKey())) {
                    for (String value : header.getValue()) {
                        if (value != null && !value.isEmpty()) {
                            scrubbed = scrubbed.replace(value, ScpMaskingLogger.REDACTED);
                        }
                    }
                }
            }
        }
        return scrubbed;
    }

    /**
     * {@code text} without the secret header values of {@code original} (the request as sent),
     * also percent-encoded or JSON-escaped: what a server or proxy that echoes requests may put
     * into a body, and so into a message.
     */
    static String scrub(String text, Request original) {
        if (text == null || original == null) {
            return text;
        }
        String scrubbed = text;
        for (String secret : secrets(original)) {
            scrubbed = scrubbed.replace(secret, ScpMaskingLogger.REDACTED);
        }
        return scrubbed;
    }

    /** {@code body} without the secret header values of {@code original} (see {@link #scrub(String, Request)}). */
    static byte[] scrub(byte[] body, Request original) {
        if (body == null || body.length == 0 || original == null) {
            return body;
        }
        byte[] scrubbed = body;
        for (String secret : secrets(original)) {
            scrubbed = replace(scrubbed, secret.getBytes(StandardCharsets.ISO_8859_1),
                    ScpMaskingLogger.REDACTED.getBytes(StandardCharsets.ISO_8859_1));
        }
        return scrubbed;
    }

    /** The masked header values of a request as sent, as they may be echoed: raw, percent-encoded, JSON-escaped. */
    private static List<String> secrets(Request original) {
        List<String> secrets = new ArrayList<>();
        for (Map.Entry<String, Collection<String>> header : original.headers().entrySet()) {
            if (ScpMaskingLogger.isMasked(header.getKey())) {
                for (String value : header.getValue()) {
                    if (value != null && !value.isEmpty() && !ScpMaskingLogger.REDACTED.equals(value)) {
                        secrets.add(value);
                        secrets.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
                        secrets.add(value.replace("/", "\\/"));
                    }
                }
            }
        }
        return secrets;
    }

    private static byte[] replace(byte[] in, byte[] what, byte[] with) {
        ByteArrayOutputStream out = null;
        int copied = 0;
        for (int i = 0; i <= in.length - what.length; i++) {
            if (matches(in, i, what)) {
                if (out == null) {
                    out = new ByteArrayOutputStream(in.length);
                }
                out.write(in, copied, i - copied);
                out.write(with, 0, with.length);
                i += what.length - 1;
                copied = i + 1;
            }
        }
        if (out == null) {
            return in;
        }
        out.write(in, copied, in.length - copied);
        return out.toByteArray();
    }

    private static boolean matches(byte[] in, int at, byte[] what) {
        for (int j = 0; j < what.length; j++) {
            if (in[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] body(FeignException e) {
        return e.responseBody().map(java.nio.ByteBuffer::array).orElse(null);
    }

    static boolean isClean(FeignException e) {
        return isClean(e.responseHeaders()) && (!e.hasRequest() || isClean(e.request()));
    }

    private static boolean isClean(Request request) {
        return request.requestTemplate() == null && isClean(request.headers());
    }

    private static boolean isClean(Map<String, Collection<String>> headers) {
        for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
            if (ScpMaskingLogger.isMasked(header.getKey())
                    && !header.getValue().stream().allMatch(ScpMaskingLogger.REDACTED::equals)) {
                return false;
            }
        }
        return true;
    }

    /** Any other {@code FeignException}, over the redacted request. */
    static final class Redacted extends FeignException {
        private static final long serialVersionUID = 1L;

        Redacted(int status, String message, Request request, Throwable cause, byte[] body,
                Map<String, Collection<String>> headers) {
            super(status, message, request, cause, body, headers == null ? Map.of() : headers);
        }
    }

}
