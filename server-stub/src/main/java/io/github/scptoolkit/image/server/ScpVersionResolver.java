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
 *
 * <p>Being the first per-operation step of every request, it also refuses ambiguous header
 * parameters ({@link ScpHeaderParameters}): a version header sent more than once, or as a
 * comma-separated list, with values that differ is an {@link AmbiguousApiVersionException} (400
 * {@code UNSUPPORTED_API_VERSION}: which version was meant cannot be known), identical repeats are
 * that version; any other single-valued header parameter of the operation likewise is a 400
 * {@code INVALID_REQUEST}.
 */
final class ScpVersionResolver implements ApiVersionResolver {

    private final ScpOperations operations;

    ScpVersionResolver(ScpOperations operations) {
        this.operations = operations;
    }

    @Override
    public String resolveVersion(HttpServletRequest request) {
        ScpOperation op = operations.match(request).orElse(null);
        if (op == null) {
            return null;
        }
        ScpHeaderParameters.requireUnambiguous(request, op);
        if (!op.versioned()) {
            return null;
        }
        ScpHeaderParameters.Values values = ScpHeaderParameters.values(request, ScpApi.VERSION_HEADER);
        if (values.ambiguous()) {
            throw new AmbiguousApiVersionException(values);
        }
        String sent = values.single();
        if (sent == null) {
            return ScpServiceVersion.getLatest().headerValue();
        }
        ScpServiceVersion.fromHeaderValue(sent).filter(v -> op.responseSchema(v).isEmpty()).ifPresent(v -> {
            throw new InvalidApiVersionException(sent, op.operationId() + " does not exist in " + v, null);
        });
        return sent;
    }

    /** The version header carries two or more different versions. */
    static final class AmbiguousApiVersionException extends InvalidApiVersionException {
        private static final long serialVersionUID = 1L;

        private final transient ScpHeaderParameters.Values values;

        AmbiguousApiVersionException(ScpHeaderParameters.Values values) {
            super(values.lines().get(0), ScpApi.VERSION_HEADER + " is ambiguous: " + values.quoted(), null);
            this.values = values;
        }

        /** What was sent. */
        ScpHeaderParameters.Values values() {
            return values;
        }
    }
}
