package io.github.scptoolkit.image.server;

import org.springframework.web.accept.ApiVersionParser;
import org.springframework.web.accept.InvalidApiVersionException;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Parses the version header, {@code <service> <major>.<minor>}, straight into the spec's
 * {@link ScpServiceVersion}: the value must be exactly one constant's header value (service name
 * checked, one space, case-sensitive, as the vendor sends it). Anything else, including a well
 * formed version the spec does not list, is an {@link InvalidApiVersionException} (400
 * {@code UNSUPPORTED_API_VERSION}). Whether a listed version is served today is the supported
 * versions predicate's decision ({@link VersionLifecycle}).
 */
final class ScpApiVersionParser implements ApiVersionParser<ScpServiceVersion> {

    private static final String FORMAT = ScpApi.VERSION_HEADER + " must be '" + ScpApi.SERVICE + " <major>.<minor>'"
            + " naming a version of the service";

    @Override
    public ScpServiceVersion parseVersion(String value) {
        return ScpServiceVersion.fromHeaderValue(value)
                .orElseThrow(() -> new InvalidApiVersionException(value, FORMAT, null));
    }
}
