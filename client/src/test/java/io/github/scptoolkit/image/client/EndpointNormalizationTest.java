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

    @ParameterizedTest(name = "{0} is refused without echoing the password")
    @ValueSource(strings = {"http://user:pa55word@host", "https://user:pa55word@host:8443/x", "http://:pa55word@host",
        "http://pa55word@host", "http://user:pa55word@127.0.0.1:8080/", "HTTP://user:pa55word@HOST"})
    void userInfoIsRefused(String given) {
        assertThatIllegalArgumentException().isThrownBy(() -> ScpImageClient.builder().endpoint(given))
                .withMessageContaining("user info").withMessageNotContaining("pa55word").withNoCause();
    }

    @ParameterizedTest(name = "{0}: the message never shows what may be a password")
    @ValueSource(strings = {"htp://user:pa55word@host", "http://user:pa55word@ho st", "user:pa55word@host",
        "http://user:pa55word@", "//user:pa55word@host", "http://user:pa55word@[::1"})
    void malformedEndpointsWithAnAtSignAreNeverEchoed(String given) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ScpImageClient.normalizeEndpoint(given));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("pa55word");
        }
    }
}
