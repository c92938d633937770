package io.github.scptoolkit.image.server;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;


/**
 * Lets only correctly signed requests through; answers anything else with a 401, a
 * {@code WWW-Authenticate} header and an RFC 9457 problem it writes itself (errors raised in a
 * filter never reach {@code @ControllerAdvice}). The URL checked is
 * {@code request.getRequestURL()} plus {@code ?query}, which is what the client signed as long as
 * the server sees the client's scheme, host and port: behind a reverse proxy, let Spring's
 * {@code ForwardedHeaderFilter} (which runs before this one) apply {@code X-Forwarded-*}. Its host
 * (the forwarded one behind a proxy) must be one this server serves ({@link ScpServedHosts}), so a
 * request signed for another deployment never verifies here.
 * Requests whose path (within the application, as Spring MVC matches it) matches one of the
 * excluded path patterns ({@link #DEFAULT_EXCLUDED_PATHS}: documentation and health) pass unchecked
 * and carry no {@link ScpCaller}.
 */
final class ScpSignatureFilter extends OncePerRequestFilter implements Ordered {

    /** After Spring's ForwardedHeaderFilter (highest precedence), which rewrites the request URL. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    static final String WWW_AUTHENTICATE = "SCP-HMAC-SHA256 realm=\"virtualserver\"";

    /**
     * What answers without a signature unless {@code scp.auth.excluded-paths} says otherwise: the
     * API's description (spec, examples, a rendered reference and its assets) and health. Spring
     * {@link PathPattern} syntax; {@code /x/**} also matches {@code /x}.
     */
    static final List<String> DEFAULT_EXCLUDED_PATHS = List.of("/docs/**", "/openapi.yaml", "/openapi.json",
            "/examples/**", "/webjars/**", "/actuator/health/**", "/favicon.ico");

    /** A path of the API, which no exclusion may cover. */
    static final String API_PATH_EXAMPLE = "/v1/images/70a599e0-31e7-49b7-b260-868f441e862b";

    private final ScpSignatureVerifier verifier;
    private final ScpServedHosts hosts;
    private final List<PathPattern> excluded;

    ScpSignatureFilter(ScpSignatureVerifier verifier, ScpServedHosts hosts) {
        this(verifier, hosts, DEFAULT_EXCLUDED_PATHS);
    }

    ScpSignatureFilter(ScpSignatureVerifier verifier, ScpServedHosts hosts, List<String> excludedPaths) {
        this.verifier = verifier;
        this.hosts = java.util.Objects.requireNonNull(hosts, "hosts");
        this.excluded = excludedPaths.stream().map(String::trim).filter(p -> !p.isEmpty())
                .map(PathPatternParser.defaultInstance::parse).toList();
        var api = RequestPath.parse(API_PATH_EXAMPLE, "").pathWithinApplication();
        this.excluded.stream().filter(pattern -> pattern.matches(api)).findFirst().ifPresent(pattern -> {
            throw new IllegalStateException("Excluded paths must not cover the API (" + API_PATH_EXAMPLE + "): " + pattern);
        });
    }

    /**
     * Excluded paths are not checked; a path with {@code .} or {@code ..} segments always is (no
     * {@code /docs/../v1/images/x} around the check).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (excluded.isEmpty()) {
            return false;
        }
        PathContainer path;
        try {
            path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        boolean dotSegments = path.elements().stream().anyMatch(e -> e instanceof PathContainer.PathSegment segment
                && (segment.valueToMatch().equals(".") || segment.valueToMatch().equals("..")));
        return !dotSegments && excluded.stream().anyMatch(pattern -> pattern.matches(path));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean hostServed = hosts.serves(request.getScheme(), request.getServerName(), request.getServerPort(),
                request.getLocalPort());
        ScpSignatureVerifier.Outcome outcome = verifier.verify(request.getMethod(), signedUrl(request), hostServed,
                name -> Collections.list(request.getHeaders(name)));
        if (outcome.accepted()) {
            outcome.caller().bindTo(request);
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ScpProblems.problem(HttpStatus.UNAUTHORIZED, outcome.rejection().name(),
                outcome.rejection().title, outcome.detail());
        problem.setInstance(ScpProblemHandler.instance(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = ScpContainerErrors.json(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The full URL as the client sent it: scheme, host, port (unless default), raw path, {@code ?query}. */
    static String signedUrl(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        String query = request.getQueryString();
        if (query != null) {
            url.append('?').append(query);
        }
        return url.toString();
    }
}
