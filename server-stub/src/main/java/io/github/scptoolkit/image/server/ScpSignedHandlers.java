package io.github.scptoolkit.image.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths of the application's {@link ScpSigned} handler methods, which the signature filter
 * checks besides the spec's signed operations. They are read from Spring MVC's request mappings on
 * the first request (every mapping is registered by then) and kept; matching is by path, whatever
 * the method, as for the spec's operations.
 *
 * <pre>
 * ScpSignedHandlers signed = new ScpSignedHandlers(() -&gt; mappings.orderedStream().toList());
 * boolean check = signed.matches(request);
 * </pre>
 */
final class ScpSignedHandlers {

    /** No such handlers. */
    static final ScpSignedHandlers NONE = new ScpSignedHandlers(List::of);

    private final Supplier<List<RequestMappingInfoHandlerMapping>> mappings;
    private volatile List<PathPattern> patterns;

    ScpSignedHandlers(Supplier<List<RequestMappingInfoHandlerMapping>> mappings) {
        this.mappings = mappings;
    }

    /** Whether a handler method is {@link ScpSigned} (on the method or its class). */
    static boolean isSigned(Object handler) {
        return handler instanceof HandlerMethod method
                && (AnnotatedElementUtils.hasAnnotation(method.getMethod(), ScpSigned.class)
                        || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ScpSigned.class));
    }

    /** Whether the request's path (within the application) is one a {@link ScpSigned} handler is mapped to. */
    boolean matches(HttpServletRequest request) {
        List<PathPattern> signed = patterns();
        if (signed.isEmpty()) {
            return false;
        }
        PathContainer path = ScpOperations.path(request);
        return path == null || signed.stream().anyMatch(p -> p.matches(path));
    }

    List<PathPattern> patterns() {
        List<PathPattern> p = patterns;
        if (p == null) {
            List<PathPattern> found = new ArrayList<>();
            for (RequestMappingInfoHandlerMapping mapping : mappings.get()) {
                for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                    if (isSigned(e.getValue())) {
                        found.addAll(patternsOf(e.getKey()));
                    }
                }
            }
            p = List.copyOf(found);
            patterns = p;
        }
        return p;
    }

    private static List<PathPattern> patternsOf(RequestMappingInfo info) {
        if (info.getPathPatternsCondition() != null) {
            return List.copyOf(info.getPathPatternsCondition().getPatterns());
        }
        return info.getPatternValues().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
