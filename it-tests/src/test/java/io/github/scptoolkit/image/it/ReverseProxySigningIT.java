package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.DEMO;
import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * Proves docs/signing.md's reverse-proxy setup: with {@code server.forward-headers-strategy=framework}
 * the server checks the public URL the client signed (from {@code X-Forwarded-*}), not its own,
 * and the public host is listed in {@code scp.auth.allowed-hosts}.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=framework", "scp.auth.allowed-hosts=virtualserver.example.com"})
class ReverseProxySigningIT {

    private static final String PUBLIC_URL = "https://virtualserver.example.com" + ReferenceServer.imagePath(SEED_IMAGE_ID);

    @LocalServerPort
    int port;

    private HttpResponse<String> viaProxy(String signedUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-Proto", "https");
        headers.put("X-Forwarded-Host", "virtualserver.example.com");
        headers.put("X-Forwarded-Port", "443");
        headers.putAll(new ScpSigner(DEMO).headers("GET", signedUrl, System.currentTimeMillis()));
        return ReferenceServer.get(port, ReferenceServer.imagePath(SEED_IMAGE_ID), headers);
    }

    @Test
    void publicUrlSignedByTheClientIsAccepted() {
        assertThat(viaProxy(PUBLIC_URL).statusCode()).isEqualTo(200);
    }

    @Test
    void internalUrlIsNotWhatTheServerChecks() {
        HttpResponse<String> response = viaProxy("http://127.0.0.1:" + port + ReferenceServer.imagePath(SEED_IMAGE_ID));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ReferenceServer.json(response.body()).get("code").asText()).isEqualTo("INVALID_SIGNATURE");
    }
}
