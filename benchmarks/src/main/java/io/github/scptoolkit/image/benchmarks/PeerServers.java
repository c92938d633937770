package io.github.scptoolkit.image.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The mock server a user would pick instead of the emulator, in the same JVM as the emulator and
 * the load generator: WireMock (standalone jar, Jetty), with one stub mapping that answers Show
 * Image's path with exactly the bytes the emulator answers (no signature check, no versioning).
 * The request journal is off, as WireMock recommends for load tests (it would keep every request).
 */
final class PeerServers implements AutoCloseable {

    private final WireMockServer wireMock;
    final String wireMockEndpoint;

    PeerServers(String path, byte[] body) {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
        wireMock.start();
        wireMock.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
        wireMockEndpoint = "http://127.0.0.1:" + wireMock.port();
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
