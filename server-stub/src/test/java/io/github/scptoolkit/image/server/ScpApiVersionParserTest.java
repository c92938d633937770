package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.springframework.web.accept.InvalidApiVersionException;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Proves the header value is exactly one version's header value: the service name is checked
 * (Spring's default parser would skip it), one space, case-sensitive, as the vendor sends it; a
 * version the spec does not list is refused too.
 */
class ScpApiVersionParserTest {

    private final ScpApiVersionParser parser = new ScpApiVersionParser();

    static Stream<ScpServiceVersion> versions() {
        return ScpServiceVersion.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void everyVersionOfTheSpecParsesToItsConstant(ScpServiceVersion version) {
        assertThat(parser.parseVersion(version.headerValue())).isSameAs(version);
    }

    static Stream<String> invalid() {
        String current = ScpServiceVersion.getLatest().headerValue();
        String number = ScpServiceVersion.getLatest().getVersion();
        return Stream.of(
                TestSpec.UNKNOWN,                            // well formed, not in the spec
                "blockstorage " + number,                    // another service
                ScpApi.SERVICE,                              // no version
                "",
                ScpApi.SERVICE + "  " + number,              // two spaces
                ScpApi.SERVICE + number,                     // no space
                " " + current,
                current + " ",
                current.toUpperCase(Locale.ROOT),            // case-sensitive
                ScpApi.SERVICE + " " + number + ".0",
                ScpApi.SERVICE + " v" + number,
                number);
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @NullSource
    @MethodSource("invalid")
    void rejectsAnythingElse(String value) {
        assertThatThrownBy(() -> parser.parseVersion(value))
                .isInstanceOf(InvalidApiVersionException.class)
                .hasMessageContaining(ScpApi.SERVICE + " <major>.<minor>");
    }
}
