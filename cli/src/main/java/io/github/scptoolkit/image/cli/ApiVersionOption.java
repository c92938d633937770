package io.github.scptoolkit.image.cli;

import java.util.Iterator;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The {@code --api-version} option's values, all from the spec's versions: the choices shown in
 * help ({@code ${COMPLETION-CANDIDATES}}), the default ({@code ${DEFAULT-VALUE}}, the CURRENT
 * version) and the conversion, which accepts a version as a number ({@code X.Y}), as the versions
 * document's id ({@code vX.Y}) or as the header value ({@code <service> X.Y}).
 *
 * <pre>
 * scp-image show &lt;image-id&gt; --api-version &lt;one of ScpServiceVersion.all()&gt;
 * </pre>
 */
final class ApiVersionOption {

    static final String NAME = "--api-version";

    private ApiVersionOption() {
    }

    /** The version numbers of the spec, oldest first. */
    static final class Choices implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ScpServiceVersion.all().stream().map(ScpServiceVersion::getVersion).iterator();
        }
    }

    /** {@code X.Y}, {@code vX.Y} or the header value to a version of the spec; anything else is a usage error. */
    static final class Converter implements CommandLine.ITypeConverter<ScpServiceVersion> {
        @Override
        public ScpServiceVersion convert(String value) {
            String v = value.trim();
            return ScpServiceVersion.fromVersion(v).or(() -> ScpServiceVersion.fromHeaderValue(v))
                    .orElseThrow(() -> new CommandLine.TypeConversionException("unknown version '" + value
                            + "'; known: " + ScpServiceVersion.all().stream().map(ScpServiceVersion::getVersion)
                                    .collect(Collectors.joining(", "))));
        }
    }

    /** The default of {@value #NAME}: the CURRENT version of the spec. */
    static final class Default implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argSpec) {
            return argSpec instanceof OptionSpec option && NAME.equals(option.longestName())
                    ? ScpServiceVersion.getLatest().getVersion() : null;
        }
    }
}
