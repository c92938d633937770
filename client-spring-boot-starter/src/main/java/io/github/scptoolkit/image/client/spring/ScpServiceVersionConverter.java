package io.github.scptoolkit.image.client.spring;

import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;

import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * {@code scp.client.version} to a version of the spec: {@code X.Y}, {@code vX.Y} (the versions
 * document's id) or the header value; anything else fails binding with the versions the spec knows.
 */
final class ScpServiceVersionConverter implements Converter<String, ScpServiceVersion> {

    @Override
    public ScpServiceVersion convert(String value) {
        String v = value.trim();
        return ScpServiceVersion.fromVersion(v).or(() -> ScpServiceVersion.fromHeaderValue(v))
                .or(() -> ScpServiceVersion.all().stream().filter(s -> s.id().equals(v)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a version of the API; the spec "
                        + "lists " + ScpServiceVersion.all().stream().map(ScpServiceVersion::getVersion)
                                .collect(Collectors.joining(", "))));
    }
}
