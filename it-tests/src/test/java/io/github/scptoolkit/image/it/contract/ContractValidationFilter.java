package io.github.scptoolkit.image.it.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Outermost filter of every it-tests server: checks each request (unless the running test is
 * {@link InvalidRequests}) and each response against the spec, recording violations in
 * {@link ContractViolations}. Also sees error dispatches, including those that never passed the
 * request chain (a TRACE refused by Tomcat, forwarded to the error page); when the application
 * answers with {@code sendError} (e.g. Spring's 404 for a path no controller maps), the response
 * is checked in the error dispatch that renders it, not in the request dispatch.
 */
final class ContractValidationFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean error = request.getDispatcherType() == DispatcherType.ERROR;
        String path = error && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
        if (!SpecContract.isApiPath(path)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> violations = new ArrayList<>();
        if (!error && ContractViolations.checkRequests()) {
            violations.addAll(SpecContract.validateRequest(request.getMethod(), path, request.getQueryString(),
                    headers(request)));
        }
        ErrorAwareWrapper wrapped = new ErrorAwareWrapper(response);
        try {
            chain.doFilter(request, wrapped);
        } finally {
            if (wrapped.errorSent && !error) {
                // The container renders the answer in an error dispatch, which this filter checks.
                ContractViolations.add(violations);
                wrapped.copyBodyToResponse();
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : wrapped.getHeaderNames()) {
                headers.put(name, new ArrayList<>(wrapped.getHeaders(name)));
            }
            if (wrapped.getContentType() != null) {
                headers.put("Content-Type", List.of(wrapped.getContentType()));
            }
            String body = new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8);
            violations.addAll(SpecContract.validateResponse(request.getMethod(), path, wrapped.getStatus(), headers,
                    body));
            ContractViolations.countExchange();
            ContractViolations.add(violations);
            wrapped.copyBodyToResponse();
        }
    }

    /** Notes {@code sendError}: the body is then written by an error dispatch, not by this one. */
    private static final class ErrorAwareWrapper extends ContentCachingResponseWrapper {
        boolean errorSent;

        ErrorAwareWrapper(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            errorSent = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            errorSent = true;
            super.sendError(status, message);
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
