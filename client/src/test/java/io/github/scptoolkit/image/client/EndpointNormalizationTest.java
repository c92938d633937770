package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The endpoint the client signs is the one a server rebuilds: default ports and trailing slashes dropped. */
class EndpointNormalizationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://virtualserver.kr-west1.e.samsungsdscloud.com, https://virtualserver.kr-west1.e.samsungsdscloud.com",
            "https://virtualserver.kr-west1.e.samsungsdscloud.com:443/, https://virtualserver.kr-west1.e.samsungsdscloud.com",
            "http://127.0.0.1:80, http://127.0.0.1",
            "http://127.0.0.1:8080/, http://127.0.0.1:8080",
            "https://host:8443/prefix/, https://host:8443/prefix",
            "HTTPS://host:443, https://host"})
    void defaultPortsAndTrailingSlashesAreDropped(String given, String expected) {
        assertThat(ScpImageClient.normalizeEndpoint(given)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"virtualserver.example.com", "ftp://host", "/v1/images", "http://", "http://exa mple.com"})
    void anythingButAnAbsoluteHttpUrlIsRefused(String given) {
        assertThatIllegalArgumentException().isThrownBy(() -> ScpImageClient.normalizeEndpoint(given))
                .withMessageContaining("absolute http(s) URL");
    }
}
