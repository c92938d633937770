package io.github.scptoolkit.image.server;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The service's base URL as the client reached it: scheme, host, port, context path and servlet
 * prefix of the request, with a trailing {@code /} (where {@code GET /} answers). Behind a
 * reverse proxy it is right when Spring's {@code ForwardedHeaderFilter} applies
 * {@code X-Forwarded-*} first. The one place the stub builds it (the versions document's
 * {@code self} links).
 */
final class ServiceBaseUrl {

    private ServiceBaseUrl() {
    }

    static URI of(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromServletMapping(request).replaceQuery(null).path("/").build().toUri();
    }
}
