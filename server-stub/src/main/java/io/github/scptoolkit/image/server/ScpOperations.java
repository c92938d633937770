package io.github.scptoolkit.image.server;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;

/**
 * Which requests and handler methods are the spec's operations ({@link ScpApi#operations()}):
 * the one place that decides the stub's scope. Path templates are parsed once into Spring
 * {@link PathPattern}s and matched against the request path as Spring MVC matches it (within the
 * application, servlet prefix excluded). Everything the stub does per operation (version
 * resolution, shaping, signature checks, problem bodies) asks this class, so an operation added
 * to the spec needs no code here.
 */
final class ScpOperations {

    /** The spec's operations. */
    static final ScpOperations SPEC = new ScpOperations(ScpApi.operations());

    /** Request attribute caching {@link #match(HttpServletRequest)} for the request path it was made for. */
    private static final String MATCH_ATTRIBUTE = ScpOperations.class.getName() + ".match";

    private record Entry(ScpOperation operation, PathPattern pattern) {
    }

    /** The outcome of matching one request: by method and path, and by path alone. */
    record Match(ScpOperation operation, ScpOperation samePath) {
        static final Match NONE = new Match(null, null);
    }

    private final List<Entry> entries;
    private final Map<Method, Optional<ScpOperation>> byMethod = new ConcurrentHashMap<>();

    ScpOperations(List<ScpOperation> operations) {
        List<Entry> list = new ArrayList<>();
        for (ScpOperation op : operations) {
            list.add(new Entry(op, PathPatternParser.defaultInstance.parse(op.path())));
        }
        this.entries = List.copyOf(list);
    }

    List<ScpOperation> operations() {
        return entries.stream().map(Entry::operation).toList();
    }

    /**
     * The operation a request calls (same method, {@code HEAD} standing for {@code GET}, and path
     * template), if any; computed once per request.
     */
    Optional<ScpOperation> match(HttpServletRequest request) {
        return Optional.ofNullable(matchOf(request).operation());
    }

    /**
     * The operation whose path the request's path matches, whatever the method (a 405 or 406 on
     * an operation's path is the API's answer too).
     */
    Optional<ScpOperation> matchPath(HttpServletRequest request) {
        return Optional.ofNullable(matchOf(request).samePath());
    }

    private Match matchOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (request.getAttribute(MATCH_ATTRIBUTE) instanceof Cached cached && cached.uri().equals(uri)) {
            return cached.match();   // the same request path (an error dispatch has its own)
        }
        Match match = compute(request.getMethod(), path(request));
        request.setAttribute(MATCH_ATTRIBUTE, new Cached(String.valueOf(uri), match));
        return match;
    }

    private record Cached(String uri, Match match) {
    }

    /** The matches of {@code method} on {@code path} (a path within the application). */
    Match compute(String method, PathContainer path) {
        if (path == null) {
            return Match.NONE;
        }
        ScpOperation samePath = null;
        for (Entry e : entries) {
            if (e.pattern().matches(path)) {
                if (sameMethod(e.operation(), method)) {
                    return new Match(e.operation(), e.operation());
                }
                if (samePath == null) {
                    samePath = e.operation();
                }
            }
        }
        return samePath == null ? Match.NONE : new Match(null, samePath);
    }

    /** The operations whose path template matches {@code path}. */
    List<ScpOperation> atPath(PathContainer path) {
        return entries.stream().filter(e -> e.pattern().matches(path)).map(Entry::operation).toList();
    }

    /**
     * Whether a request path, or the same path with its {@code .}/{@code ..} segments resolved,
     * matches the path of an operation that must be signed: what the signature filter checks. The
     * resolved form matters where something maps requests on a normalised path.
     */
    boolean isSignedPath(HttpServletRequest request) {
        PathContainer path = path(request);
        if (path == null) {
            return true;   // unparsable: never let it through unchecked
        }
        if (signed(path)) {
            return true;
        }
        PathContainer resolved = withoutDotSegments(path);
        return resolved != null && signed(resolved);
    }

    private boolean signed(PathContainer path) {
        for (Entry e : entries) {
            if (e.operation().signed() && e.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** A path that {@code pattern} must not cover, e.g. {@code /v1/images/x} for a template with one variable. */
    static PathContainer example(ScpOperation op) {
        return PathContainer.parsePath(op.path().replaceAll("\\{[^}/]+}", "x"));
    }

    /** The operation a handler (a controller method) implements, by its mapping's method and path. */
    Optional<ScpOperation> forHandler(Object handler) {
        return handler instanceof HandlerMethod hm ? forMethod(hm.getMethod()) : Optional.empty();
    }

    /** The operation a controller method implements: its (inherited) mapping names the operation's method and path. */
    Optional<ScpOperation> forMethod(Method method) {
        if (method == null) {
            return Optional.empty();
        }
        return byMethod.computeIfAbsent(method, this::lookUp);
    }

    private Optional<ScpOperation> lookUp(Method method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        RequestMapping onClass = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(),
                RequestMapping.class);
        if (mapping == null || (onClass != null && Arrays.stream(onClass.path()).anyMatch(StringUtils::hasText))) {
            return Optional.empty();
        }
        List<String> paths = Arrays.asList(mapping.path());
        for (Entry e : entries) {
            RequestMethod verb = RequestMethod.resolve(e.operation().method());
            if (paths.contains(e.operation().path()) && Arrays.asList(mapping.method()).contains(verb)) {
                return Optional.of(e.operation());
            }
        }
        return Optional.empty();
    }

    private static boolean sameMethod(ScpOperation op, String method) {
        return op.method().equals(method) || ("GET".equals(op.method()) && "HEAD".equals(method));
    }

    /** The request's path within the application, as Spring MVC matches it; null when unparsable. */
    static PathContainer path(HttpServletRequest request) {
        try {
            RequestPath path = ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? ServletRequestPathUtils.getParsedRequestPath(request)
                    : ServletRequestPathUtils.parse(request);
            return path.pathWithinApplication();
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            return null;
        }
    }

    /** The path with {@code .} and {@code ..} segments (also percent-encoded) resolved, or null when it has none. */
    private static PathContainer withoutDotSegments(PathContainer path) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        boolean dots = false;
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String value = segment.valueToMatch();
                if (value.equals(".")) {
                    dots = true;
                } else if (value.equals("..")) {
                    dots = true;
                    segments.pollLast();
                } else {
                    segments.addLast(value);
                }
            }
        }
        return dots ? PathContainer.parsePath("/" + String.join("/", segments)) : null;
    }
}
