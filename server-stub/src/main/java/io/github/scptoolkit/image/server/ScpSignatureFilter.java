package io.github.scptoolkit.image.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Lets only correctly signed requests reach the spec's signed operations
 * ({@link ScpOperation#signed()}); answers anything else with a 401, a {@code WWW-Authenticate}
 * header and an RFC 9457 problem it writes itself (errors raised in a filter never reach Spring
 * MVC's error handling). Requests for anything else (the unsigned versions document, the
 * application's other controllers, documentation, health) pass unchecked and carry no
 * {@link ScpCaller}. A request is checked when its path, as Spring MVC matches it, or that path
 * with its {@code .}/{@code ..} segments resolved, is a signed operation's path, whatever the
 * method. The URL checked is {@code request.getRequestURL()} plus {@code ?query}, which is what the
 * client signed as long as the server sees the client's scheme, host and port: behind a reverse
 * proxy, let Spring's {@code ForwardedHeaderFilter} (which runs before this one) apply
 * {@code X-Forwarded-*}. Its host (the forwarded one behind a proxy) must be one this server
 * serves ({@link ScpServedHosts}), so a request signed for another deployment never verifies here.
 */
final class ScpSignatureFilter extends OncePerRequestFilter implements Ordered {

    /** After Spring's ForwardedHeaderFilter (highest precedence), which rewrites the request URL. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    static final String WWW_AUTHENTICATE = "SCP-HMAC-SHA256 realm=\"" + ScpApi.SERVICE + "\"";

    private final ScpSignatureVerifier verifier;
    private final ScpServedHosts hosts;
    private final ScpOperations operations;
    private final ScpSignedHandlers signedHandlers;

    ScpSignatureFilter(ScpSignatureVerifier verifier, ScpServedHosts hosts) {
        this(verifier, hosts, ScpOperations.SPEC);
    }

    ScpSignatureFilter(ScpSignatureVerifier verifier, ScpServedHosts hosts, ScpOperations operations) {
        this(verifier, hosts, operations, ScpSignedHandlers.NONE);
    }

    ScpSignatureFilter(ScpSignatureVerifier verifier, ScpServedHosts hosts, ScpOperations operations,
            ScpSignedHandlers signedHandlers) {
        this.verifier = verifier;
        this.hosts = java.util.Objects.requireNonNull(hosts, "hosts");
        this.operations = operations;
        this.signedHandlers = signedHandlers;
    }

    /** Only the spec's signed operations, and the application's {@link ScpSigned} handlers, are checked. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !operations.isSignedPath(request) && !signedHandlers.matches(request);
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
                name -> values(request.getHeaders(name)));
        if (outcome.accepted()) {
            outcome.caller().bindTo(request);
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, outcome.rejection(), outcome.detail());
    }

    /** A header's values; no copy beyond a one-element list for the usual single value. */
    static List<String> values(Enumeration<String> sent) {
        if (sent == null || !sent.hasMoreElements()) {
            return List.of();
        }
        String first = sent.nextElement();
        if (!sent.hasMoreElements()) {
            return Collections.singletonList(first);
        }
        List<String> all = new ArrayList<>();
        all.add(first);
        while (sent.hasMoreElements()) {
            all.add(sent.nextElement());
        }
        return all;
    }

    /** Writes the 401 problem for {@code code}. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, ScpProblemCode code, String detail)
            throws IOException {
        ProblemDetail problem = ScpProblems.problem(code, detail);
        problem.setInstance(ScpExceptionResolver.instance(request.getRequestURI()));
        response.setStatus(problem.getStatus());
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
