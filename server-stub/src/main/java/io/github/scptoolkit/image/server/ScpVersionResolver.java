package io.github.scptoolkit.image.server;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.accept.ApiVersionResolver;
import org.springframework.web.accept.InvalidApiVersionException;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Spring's API versioning, scoped to the spec's versioned operations: for a request that calls
 * one (method and path template, {@link ScpOperations}) the version is the version header, or
 * the CURRENT version's header value when it has none; for anything else (the unversioned
 * versions document, every other controller of the application) there is no version, so Spring
 * neither requires, validates nor reports one there. A version the operation does not exist in
 * (the spec names no 200 schema for it) is refused as unsupported for that operation.
 */
final class ScpVersionResolver implements ApiVersionResolver {

    private final ScpOperations operations;

    ScpVersionResolver(ScpOperations operations) {
        this.operations = operations;
    }

    @Override
    public String resolveVersion(HttpServletRequest request) {
        ScpOperation op = operations.match(request).orElse(null);
        if (op == null || !op.versioned()) {
            return null;
        }
        String sent = request.getHeader(ScpApi.VERSION_HEADER);
        if (sent == null) {
            return ScpServiceVersion.getLatest().headerValue();
        }
        ScpServiceVersion.fromHeaderValue(sent).filter(v -> op.responseSchema(v).isEmpty()).ifPresent(v -> {
            throw new InvalidApiVersionException(sent, op.operationId() + " does not exist in " + v, null);
        });
        return sent;
    }
}
