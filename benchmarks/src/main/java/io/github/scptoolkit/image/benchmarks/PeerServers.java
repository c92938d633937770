package io.github.scptoolkit.image.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The mock servers a user would pick instead of the emulator. WireMock (standalone jar, Jetty), in
 * the same JVM as the emulator and the load generator, with one stub mapping that answers Show
 * Image's path with exactly the bytes the emulator answers (no signature check, no versioning); the
 * request journal is off, as WireMock recommends for load tests (it would keep every request). And,
 * when {@value #PRISM_PROPERTY} names its executable (BenchmarkMain installs it under
 * {@code tools/prism} when Node.js is there), Stoplight Prism mocking the spec itself
 * ({@code prism mock}, a Node.js process of its own on loopback): it validates each request against
 * the spec and answers the spec's example.
 */
final class PeerServers implements AutoCloseable {

    /** System property: the Prism executable ({@code tools/prism/node_modules/.bin/prism}). */
    static final String PRISM_PROPERTY = "bench.prism";
    /** System property: the spec Prism mocks. */
    static final String PRISM_SPEC_PROPERTY = "bench.prism.spec";

    private final WireMockServer wireMock;
    final String wireMockEndpoint;
    private final Process prism;
    /** Null when Prism is not run. */
    final String prismEndpoint;

    PeerServers(String path, byte[] body, String prismExecutable, String spec) throws IOException, InterruptedException {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
        wireMock.start();
        wireMock.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
        wireMockEndpoint = "http://127.0.0.1:" + wireMock.port();
        if (prismExecutable == null || prismExecutable.isBlank()) {
            prism = null;
            prismEndpoint = null;
            return;
        }
        int port = EmulatorStartup.freePort();
        prism = new ProcessBuilder(List.of(prismExecutable, "mock", "-h", "127.0.0.1", "-p", String.valueOf(port),
                Path.of(spec).toAbsolutePath().toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String endpoint = "http://127.0.0.1:" + port;
        String failure = awaitPrism(endpoint, path);
        if (failure != null) {
            // Reported, not fatal: the other endpoints are measured as before.
            System.out.println("PRISM NOT RUN: " + failure);
            stopPrism();
        }
        prismEndpoint = failure == null ? endpoint : null;
    }

    /**
     * Until Prism answers the signed Show Image request with a 200 (it takes a few seconds to load the
     * spec); null then, else why not.
     */
    private String awaitPrism(String endpoint, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int last = -1;
        while (System.nanoTime() < deadline && prism.isAlive()) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + path).toURL().openConnection();
                Requests.showImage(endpoint, path).headers().map()
                        .forEach((name, values) -> values.forEach(v -> c.addRequestProperty(name, v)));
                c.setConnectTimeout(500);
                c.setReadTimeout(5000);
                last = c.getResponseCode();
                if (last == 200) {
                    return null;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return "Prism did not answer the signed Show Image request with 200 within 90 s (last status " + last
                + ", process alive " + prism.isAlive() + ")";
    }

    @Override
    public void close() {
        wireMock.stop();
        stopPrism();
    }

    private void stopPrism() {
        if (prism != null) {
            prism.descendants().forEach(ProcessHandle::destroy);
            prism.destroy();
            try {
                if (!prism.waitFor(10, TimeUnit.SECONDS)) {
                    prism.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
