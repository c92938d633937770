package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.accept.InvalidApiVersionException;
import org.springframework.web.accept.SemanticApiVersionParser;

/**
 * Proves the header value is exactly {@code virtualserver <major>.<minor>}: the service name is
 * checked (Spring's default parser would skip it), one space, and case-sensitive, as the vendor
 * sends it and as the spec's enum lists it.
 */
class ScpApiVersionParserTest {

    private final ScpApiVersionParser parser = new ScpApiVersionParser();

    @Test
    void acceptsTheServiceNameAndAVersion() {
        SemanticApiVersionParser.Version version = parser.parseVersion("virtualserver 1.3");

        assertThat(version.getMajor()).isEqualTo(1);
        assertThat(version.getMinor()).isEqualTo(3);
        assertThat(version.getPatch()).isZero();
    }

    @Test
    void acceptsVersionsTheSpecDoesNotKnowYet() {
        // Whether 1.4 is supported is decided by the supported versions, not by the parser.
        assertThat(parser.parseVersion("virtualserver 1.4").getMinor()).isEqualTo(4);
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @NullSource
    @ValueSource(strings = {
            "blockstorage 1.2",      // another service
            "virtualserver",         // no version
            "",
            "virtualserver  1.3",    // two spaces
            "virtualserver1.3",      // no space
            " virtualserver 1.3",
            "virtualserver 1.3 ",
            "VIRTUALSERVER 1.3",     // case-sensitive
            "Virtualserver 1.3",
            "virtualserver 1",
            "virtualserver 1.3.0",
            "virtualserver v1.3",
            "virtualserver 1.x",
            "1.3"})
    void rejectsAnythingElse(String value) {
        assertThatThrownBy(() -> parser.parseVersion(value))
                .isInstanceOf(InvalidApiVersionException.class)
                .hasMessageContaining("virtualserver <major>.<minor>");
    }
}
