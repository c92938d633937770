package io.github.scptoolkit.image.testkit;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.github.scptoolkit.image.server.ScpContainerErrors;
import io.github.scptoolkit.image.server.ScpProblems;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Answers a request with the first injected fault that matches it. The last filter, so it runs after
 * the signature check: a refused request never reaches it (and uses no fault), and the journal
 * knows whether a faulted request's signature verified. What must happen to the connection
 * (reset, close after a cut body) is left to {@link JournalValve}, which runs outside the servlet
 * and can reach it.
 */
final class FaultFilter extends OncePerRequestFilter {

    /** Request attribute: the {@link ScpFault} that answered the request. */
    static final String FAULT = FaultFilter.class.getName() + ".fault";

    private static final String DETAIL = "Injected by the SCP test kit.";
    /** The stub's challenge of a refused signature (its own constant is not public). */
    private static final String WWW_AUTHENTICATE = "SCP-HMAC-SHA256 realm=\"" + ScpApi.SERVICE + "\"";

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final Faults faults;

    FaultFilter(Faults faults) {
        this.faults = faults;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant receivedAt = request.getAttribute(JournalValve.RECEIVED_AT) instanceof Instant at ? at : Instant.now();
        Optional<ScpFault> found = faults.take(RequestFacts.record(request, receivedAt, 0, null));
        if (found.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ScpFault fault = found.get();
        request.setAttribute(FAULT, fault);
        switch (fault.kind()) {
            case DELAY -> {
                sleep(fault);
                chain.doFilter(request, response);
            }
            case TOO_MANY_REQUESTS -> busy(response, fault, HttpStatus.TOO_MANY_REQUESTS);
            case SERVICE_UNAVAILABLE -> busy(response, fault, HttpStatus.SERVICE_UNAVAILABLE);
            case INTERNAL_SERVER_ERROR ->
                    write(response, ScpContainerErrors.problem(HttpStatus.INTERNAL_SERVER_ERROR.value(), null));
            case INVALID_SIGNATURE -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, WWW_AUTHENTICATE);
                write(response, ScpProblems.problem(ScpProblemCode.INVALID_SIGNATURE, DETAIL));
            }
            case CONNECTION_RESET -> request.setAttribute(JournalValve.DROP, JournalValve.Drop.RESET);
            case TRUNCATED_BODY -> truncated(request, response, chain);
        }
    }

    private static void busy(HttpServletResponse response, ScpFault fault, HttpStatus status) throws IOException {
        fault.duration().ifPresent(d -> response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfterSeconds())));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, DETAIL);
        problem.setType(ABOUT_BLANK); // no code: SCP's gateway, not the API, answers these
        problem.setTitle(status.getReasonPhrase());
        write(response, problem);
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        byte[] body = ScpContainerErrors.json(problem);
        response.setStatus(problem.getStatus());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The real answer, then its first half on the wire with the whole length announced; the valve closes. */
    private static void truncated(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, whole);
        byte[] body = whole.getContentAsByteArray();
        response.setContentLength(body.length);
        response.getOutputStream().write(body, 0, body.length / 2);
        response.flushBuffer();
        request.setAttribute(JournalValve.DROP, JournalValve.Drop.CLOSE);
    }

    private static void sleep(ScpFault fault) throws IOException {
        try {
            Thread.sleep(fault.duration().orElseThrow().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while delaying the answer", e);
        }
    }
}
