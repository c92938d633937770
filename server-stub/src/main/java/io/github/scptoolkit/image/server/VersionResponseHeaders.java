package io.github.scptoolkit.image.server;

import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.accept.ApiVersionDeprecationHandler;
import org.springframework.web.accept.ApiVersionHolder;
import org.springframework.web.accept.StandardApiVersionDeprecationHandler;
import org.springframework.web.servlet.HandlerMapping;

import io.github.scptoolkit.image.server.ApiVersionFacts.Status;
import io.github.scptoolkit.image.server.ApiVersionFacts.Version;

/**
 * The version headers of every response whose version was resolved (Spring calls this for each
 * such request before the handler runs, so error responses get them too):
 * <ul>
 * <li>{@code Scp-Api-Version: virtualserver 1.x}, the version that served it, and
 * {@code Vary: Scp-Api-Version};</li>
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

    private final VersionLifecycle lifecycle;
    private final StandardApiVersionDeprecationHandler deprecations;

    VersionResponseHeaders(VersionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.deprecations = new StandardApiVersionDeprecationHandler(new ScpApiVersionParser());
        for (Version version : lifecycle.facts().all()) {
            if (version.status() == Status.DEPRECATED) {
                StandardApiVersionDeprecationHandler.VersionSpec spec = deprecations.configureVersion(version.headerValue())
                        .setDeprecationLink(lifecycle.docUrl());
                lifecycle.sunset(version).ifPresent(sunset -> spec.setDeprecationDate(sunset).setSunsetDate(sunset));
            }
        }
    }

    @Override
    public void handleVersion(Comparable<?> version, Object handler, HttpServletRequest request,
            HttpServletResponse response) {
        deprecations.handleVersion(version, handler, request, response);
        lifecycle.find(version).ifPresent(served -> response.setHeader(ScpImageApiConfiguration.VERSION_HEADER,
                served.headerValue()));
        addVary(response);
    }

    /**
     * Adds the version headers to an error response written outside the handler chain (e.g. a
     * 405 or 406 found during mapping, or a refused version): {@code Vary} always, the echo when a
     * version was resolved. Idempotent.
     */
    static void addTo(HttpServletRequest request, HttpServletResponse response, VersionLifecycle lifecycle) {
        Object attribute = request.getAttribute(HandlerMapping.API_VERSION_ATTRIBUTE);
        Comparable<?> version = attribute instanceof ApiVersionHolder holder ? holder.getVersionIfPresent()
                : attribute instanceof Comparable<?> c ? c : null;
        if (version != null && !response.containsHeader(ScpImageApiConfiguration.VERSION_HEADER)) {
            lifecycle.find(version).ifPresent(v -> response.setHeader(ScpImageApiConfiguration.VERSION_HEADER,
                    v.headerValue()));
        }
        addVary(response);
    }

    private static void addVary(HttpServletResponse response) {
        Collection<String> vary = response.getHeaders(HttpHeaders.VARY);
        boolean present = vary.stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .anyMatch(v -> v.trim().equalsIgnoreCase(ScpImageApiConfiguration.VERSION_HEADER));
        if (!present) {
            response.addHeader(HttpHeaders.VARY, ScpImageApiConfiguration.VERSION_HEADER);
        }
    }
}
