package io.github.scptoolkit.image.client;

import java.util.Objects;

import feign.RequestInterceptor;
import feign.RequestTemplate;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Sends the client's version on every operation the spec marks versioned: the generated methods
 * take the version header as a parameter, and when the caller passes {@code null} this sets it to
 * the version the client is bound to. A version the caller passed is left as it is; unversioned
 * operations (the versions document) and requests of no known operation never get the header.
 */
final class ScpVersionInterceptor implements RequestInterceptor {

    private final ScpServiceVersion version;

    ScpVersionInterceptor(ScpServiceVersion version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    @Override
    public void apply(RequestTemplate template) {
        boolean versioned = Operations.of(template).map(ScpOperation::versioned).orElse(false);
        if (versioned && !Operations.hasVersionHeader(template)) {
            template.headerLiteral(ScpApi.VERSION_HEADER, version.headerValue());
        }
    }
}
