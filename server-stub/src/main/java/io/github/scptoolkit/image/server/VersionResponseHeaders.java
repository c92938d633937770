package io.github.scptoolkit.image.server;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.accept.ApiVersionDeprecationHandler;
import org.springframework.web.accept.ApiVersionHolder;
import org.springframework.web.accept.StandardApiVersionDeprecationHandler;
import org.springframework.web.servlet.HandlerMapping;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The version headers of every response whose version was resolved, i.e. of the spec's
 * versioned operations only (Spring calls this for each such request before the handler runs,
 * so error responses get them too):
 * <ul>
 * <li>the version header naming the version that served it, and {@code Vary} naming that header;</li>
 * <li>for DEPRECATED versions, through Spring's {@link StandardApiVersionDeprecationHandler}:
 * RFC 9745 {@code Deprecation: @<epoch seconds>}, RFC 8594 {@code Sunset: <HTTP-date>} and
 * {@code Link: <doc>; rel="deprecation"}.</li>
 * </ul>
 * Dates: {@code Sunset} is 00:00 of the Not Before date in the configured zone. The vendor publishes
 * no separate deprecation date, only Not Before, so {@code Deprecation} carries the same instant:
 * "deprecated no later than this"; the header's presence is the signal, and for a version already
 * past Not Before (served only with {@code scp.versions.serve-retired}) the date is in the past, as
 * RFC 9745 expects of a deprecated resource.
 */
final class VersionResponseHeaders implements ApiVersionDeprecationHandler {

    private final StandardApiVersionDeprecationHandler deprecations;

    VersionResponseHeaders(ScpVersionLifecycle lifecycle) {
        this.deprecations = new StandardApiVersionDeprecationHandler(new ScpApiVersionParser());
        for (ScpServiceVersion version : ScpServiceVersion.all()) {
            if (version.isDeprecated()) {
                StandardApiVersionDeprecationHandler.VersionSpec spec = deprecations
                        .configureVersion(version.headerValue()).setDeprecationLink(lifecycle.docUrl());
                lifecycle.sunset(version).ifPresent(sunset -> spec.setDeprecationDate(sunset).setSunsetDate(sunset));
            }
        }
    }

    @Override
    public void handleVersion(Comparable<?> version, Object handler, HttpServletRequest request,
            HttpServletResponse response) {
        deprecations.handleVersion(version, handler, request, response);
        if (version instanceof ScpServiceVersion served) {
            response.setHeader(ScpApi.VERSION_HEADER, served.headerValue());
        }
        addVary(response);
    }

    /**
     * Adds the version headers to an error response of {@code op} written outside the handler
     * chain (e.g. a 405 or 406 found during mapping, or a refused version): for a versioned
     * operation {@code Vary} always, the version header when a version was resolved. Idempotent.
     */
    static void addTo(HttpServletRequest request, HttpServletResponse response, ScpOperation op) {
        if (op == null || !op.versioned()) {
            return;
        }
        Object attribute = request.getAttribute(HandlerMapping.API_VERSION_ATTRIBUTE);
        if (attribute instanceof ApiVersionHolder holder && holder.getVersionIfPresent() instanceof ScpServiceVersion v
                && !response.containsHeader(ScpApi.VERSION_HEADER)) {
            response.setHeader(ScpApi.VERSION_HEADER, v.headerValue());
        }
        addVary(response);
    }

    private static void addVary(HttpServletResponse response) {
        if (!response.containsHeader(HttpHeaders.VARY)) {   // the usual case: no copy of the header's values
            response.addHeader(HttpHeaders.VARY, ScpApi.VERSION_HEADER);
            return;
        }
        boolean present = response.getHeaders(HttpHeaders.VARY).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .anyMatch(v -> v.trim().equalsIgnoreCase(ScpApi.VERSION_HEADER));
        if (!present) {
            response.addHeader(HttpHeaders.VARY, ScpApi.VERSION_HEADER);
        }
    }
}
