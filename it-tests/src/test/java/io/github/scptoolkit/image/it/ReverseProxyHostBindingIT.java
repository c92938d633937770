package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.DEMO;
import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Behind a proxy ({@code server.forward-headers-strategy=framework}) the forwarded host is checked
 * against {@code scp.auth.allowed-hosts} like any other: a request correctly signed for a host the
 * server does not serve is a 401 {@code HOST_NOT_SERVED}, whatever {@code X-Forwarded-Host} says; and
 * a configured list replaces the loopback default.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=framework", "scp.auth.allowed-hosts=virtualserver.example.com"})
@InvalidRequests // forged forwarded hosts on purpose
class ReverseProxyHostBindingIT {

    @LocalServerPort
    int port;

    /** Sent through "the proxy" as {@code https://<forwardedHost>/...}, signed for exactly that URL. */
    private RawHttp.Response viaProxy(String forwardedHost) {
        String target = ReferenceServer.imagePath(SEED_IMAGE_ID);
        RawHttp.Request request = new RawHttp.Request("GET", target)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", forwardedHost)
                .header("X-Forwarded-Port", "443");
        new ScpSigner(DEMO).headers("GET", "https://" + forwardedHost + target, System.currentTimeMillis())
                .forEach(request::header);
        return RawHttp.send(port, request);
    }

    @ParameterizedTest(name = "X-Forwarded-Host: {0}")
    @ValueSource(strings = {"virtualserver.example.com", "VirtualServer.Example.com"})
    void theListedPublicHostIsServed(String host) {
        assertThat(viaProxy(host).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "X-Forwarded-Host: {0}")
    @ValueSource(strings = {"virtualserver.kr-west1.e.samsungsdscloud.com", "evil.example", "127.0.0.1",
        "virtualserver.example.com.evil.example"})
    void anyOtherForwardedHostIsRefused(String host) {
        RawHttp.Response response = viaProxy(host);

        assertThat(response.status()).isEqualTo(401);
        assertThat(ReferenceServer.json(response.body()).get("code").asText()).isEqualTo(ScpProblemCode.HOST_NOT_SERVED.code());
    }

    @Test
    void theListReplacesTheLoopbackDefault() {
        var response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID), java.util.Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ReferenceServer.json(response.body()).get("code").asText()).isEqualTo(ScpProblemCode.HOST_NOT_SERVED.code());
    }

    @Test
    void theDocsRedirectNeverUsesTheForwardedHost() {
        RawHttp.Request request = new RawHttp.Request("GET", "/docs").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https");

        RawHttp.Response response = RawHttp.send(port, request);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.first("Location")).isEqualTo("/docs/index.html");
    }
}
