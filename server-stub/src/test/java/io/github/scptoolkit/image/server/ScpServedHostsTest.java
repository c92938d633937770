package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which hosts a server accepts signed requests for: the configured list, or loopback at its own port. */
class ScpServedHostsTest {

    @ParameterizedTest(name = "{0}://{1}:{2} (arrived on {3}) -> {4}")
    @CsvSource({
            "http, 127.0.0.1, 8080, 8080, true",
            "http, localhost, 8080, 8080, true",
            "http, LOCALHOST, 8080, 8080, true",
            "http, [::1], 8080, 8080, true",
            "http, ::1, 8080, 8080, true",
            "https, 127.0.0.1, 8443, 8443, true",
            "http, 127.0.0.1, 9090, 8080, false",
            "http, 127.0.0.2, 8080, 8080, false",
            "http, virtualserver.kr-west1.e.samsungsdscloud.com, 8080, 8080, false",
            "https, virtualserver.kr-west1.e.samsungsdscloud.com, 443, 8080, false",
            "http, localhost.evil.example, 8080, 8080, false"})
    void byDefaultTheLoopbackNamesAtTheServersOwnPort(String scheme, String host, int port, int localPort,
            boolean served) {
        assertThat(ScpServedHosts.fromCommaSeparated(null, null).serves(scheme, host, port, localPort)).isEqualTo(served);
    }

    @Test
    void theDefaultAddsAConfiguredServerAddress() {
        ScpServedHosts hosts = ScpServedHosts.fromCommaSeparated(null, "10.0.0.5");

        assertThat(hosts.serves("http", "10.0.0.5", 8080, 8080)).isTrue();
        assertThat(hosts.serves("http", "127.0.0.1", 8080, 8080)).isTrue();
        assertThat(hosts.serves("http", "10.0.0.6", 8080, 8080)).isFalse();
        assertThat(ScpServedHosts.fromCommaSeparated(null, "::1").serves("http", "[::1]", 80, 80)).isTrue();
        assertThat(hosts.configured()).isFalse();
        assertThat(hosts.describe()).contains("10.0.0.5", "localhost", "scp.auth.allowed-hosts not set");
    }

    @ParameterizedTest(name = "server.address={0} without a list does not start")
    @ValueSource(strings = {"0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"})
    void aWildcardServerAddressNeedsAList(String address) {
        assertThatIllegalStateException().isThrownBy(() -> ScpServedHosts.fromCommaSeparated(null, address))
                .withMessageContaining("scp.auth.allowed-hosts");
        assertThat(ScpServedHosts.fromCommaSeparated("myhost:8080", address).serves("http", "myhost", 8080, 8080)).isTrue();
    }

    @ParameterizedTest(name = "{0}://{1}:{2} -> {3}")
    @CsvSource({
            "https, virtualserver.example.com, 443, true",
            "http, virtualserver.example.com, 80, true",
            "https, VirtualServer.Example.COM, 443, true",
            "https, virtualserver.example.com, 8443, false",
            "http, 10.0.0.5, 8080, true",
            "http, 10.0.0.5, 80, false",
            "http, [::1], 9090, true",
            "http, 127.0.0.1, 9090, false",
            "https, example.com, 443, false",
            "https, evil.example, 443, false"})
    void aConfiguredListIsExact(String scheme, String host, int port, boolean served) {
        ScpServedHosts hosts = ScpServedHosts.fromCommaSeparated(" virtualserver.example.com ,10.0.0.5:8080,, [::1]:9090", null);

        assertThat(hosts.serves(scheme, host, port, port)).isEqualTo(served);
        assertThat(hosts.configured()).isTrue();
    }

    @Test
    void aConfiguredListReplacesTheLoopbackNames() {
        ScpServedHosts hosts = ScpServedHosts.fromCommaSeparated("virtualserver.example.com", "127.0.0.1");

        assertThat(hosts.serves("http", "127.0.0.1", 8080, 8080)).isFalse();
        assertThat(hosts.serves("http", null, 80, 80)).isFalse();
        assertThat(hosts.serves("http", "", 80, 80)).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' is refused at start-up")
    @ValueSource(strings = {"", " ", ",", "https://api.example.com", "api.example.com/v1", "*", "*.example.com",
        "api.example.com:0", "api.example.com:65536", "api.example.com:http", "api example.com", "::1", "[::1",
        "[::1]x", "0.0.0.0", "[::]", "-api.example.com", "api.example.com."})
    void entriesThatAreNotHostsAreRefused(String entry) {
        assertThatIllegalStateException().isThrownBy(() -> ScpServedHosts.fromCommaSeparated(entry, null))
                .withMessageContaining("scp.auth.allowed-hosts");
    }

    @Test
    void anEntryWithUserInfoIsRefusedWithoutEchoingIt() {
        assertThatIllegalStateException().isThrownBy(() -> ScpServedHosts.fromCommaSeparated("user:pa55word@api.example.com", null))
                .withMessageNotContaining("pa55word").withMessageContaining("user info");
    }
}
