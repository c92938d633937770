package io.github.scptoolkit.image.client;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Which operation of the spec a Feign request belongs to, so that signing, the version header and
 * decoding act on {@link ScpApi} data rather than on per-operation code. A generated method is
 * named after its {@code operationId}; its {@code ...WithHttpInfo} twin is the same operation.
 *
 * <pre>
 * Optional&lt;ScpOperation&gt; op = Operations.of(template);   // ScpApi.operation("showImage") for showImage(...)
 * </pre>
 */
final class Operations {

    /** The suffix openapi-generator's Feign library gives the method that also returns status and headers. */
    static final String WITH_HTTP_INFO = "WithHttpInfo";

    private static final Map<Method, Optional<ScpOperation>> BY_METHOD = new ConcurrentHashMap<>();

    private Operations() {
    }

    /** The operation a request template was built for; empty when it was not built from a known generated method. */
    static Optional<ScpOperation> of(RequestTemplate template) {
        MethodMetadata metadata = template == null ? null : template.methodMetadata();
        return metadata == null || metadata.method() == null ? Optional.empty() : of(metadata.method());
    }

    /** The operation of a response's request (see {@link #of(RequestTemplate)}). */
    static Optional<ScpOperation> of(Request request) {
        return request == null ? Optional.empty() : of(request.requestTemplate());
    }

    /** The operation whose {@code operationId} is the method's name, without {@value #WITH_HTTP_INFO}. */
    static Optional<ScpOperation> of(Method method) {
        return BY_METHOD.computeIfAbsent(method, m -> ScpApi.operation(operationId(m.getName())));
    }

    /** {@code showImageWithHttpInfo} → {@code showImage}; other names unchanged. */
    static String operationId(String methodName) {
        return methodName.endsWith(WITH_HTTP_INFO) && methodName.length() > WITH_HTTP_INFO.length()
                ? methodName.substring(0, methodName.length() - WITH_HTTP_INFO.length())
                : methodName;
    }

    /** The version a request asks for in its version header, when that names a version of the spec. */
    static Optional<ScpServiceVersion> requestedVersion(Map<String, Collection<String>> requestHeaders) {
        for (Map.Entry<String, Collection<String>> header : requestHeaders.entrySet()) {
            if (ScpApi.VERSION_HEADER.equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                return ScpServiceVersion.fromHeaderValue(header.getValue().iterator().next().trim());
            }
        }
        return Optional.empty();
    }

    /** Whether a request template carries the version header (the caller passed a version). */
    static boolean hasVersionHeader(RequestTemplate template) {
        return template.headers().entrySet().stream()
                .anyMatch(h -> ScpApi.VERSION_HEADER.equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty());
    }
}
