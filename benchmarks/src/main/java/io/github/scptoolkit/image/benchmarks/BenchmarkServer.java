package io.github.scptoolkit.image.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.server.generated.api.ImagesApi;
import io.github.scptoolkit.image.spec.ScpApi;

/**
 * The reference server on a random loopback port, plus a minimal Spring MVC endpoint in the same
 * app ({@code /baseline} + Show Image's path) that returns the same bytes with no checks at all.
 */
final class BenchmarkServer implements AutoCloseable {

    static final String IMAGE_ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    /** Show Image's path for the seed image (the spec's path template). */
    static final String IMAGE_PATH = ScpApi.SHOW_IMAGE.path().replace("{image_id}", IMAGE_ID);
    /** The baseline endpoints' prefixes (same path below them). */
    static final String BASELINE = "/baseline";
    static final String BASELINE_MODEL = "/baseline-model";

    private final ConfigurableApplicationContext context;
    final String endpoint;

    BenchmarkServer() {
        context = new SpringApplicationBuilder(ReferenceServerApplication.class, BaselineController.class)
                .properties("server.port=0", "server.address=127.0.0.1", "logging.level.root=WARN",
                        // The baseline endpoints are no operation of the spec: the stub leaves them alone
                        // (no signature check, no versioning, Spring's defaults).
                        "spring.main.banner-mode=off")
                .run(System.getProperty("bench.server.args", "").isBlank() ? new String[0]
                        : System.getProperty("bench.server.args").split(" "));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        endpoint = "http://127.0.0.1:" + port;
    }

    /** Makes the baseline serve exactly the bytes the full path answered with. */
    void primeBaseline(byte[] body) {
        BaselineController baseline = context.getBean(BaselineController.class);
        baseline.body = body;
        baseline.model = context.getBean(tools.jackson.databind.json.JsonMapper.class)
                .readValue(body, io.github.scptoolkit.image.server.generated.model.Image.class);
    }

    @Override
    public void close() {
        context.close();
    }

    static byte[] get(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + request.uri()
                        + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static URI uri(String endpoint, String path) {
        return URI.create(endpoint + path);
    }

    /** Minimal endpoint: same bytes, no signature check, no versioning, no catalog, no shaping. */
    @RestController
    static class BaselineController {
        volatile byte[] body = new byte[0];
        volatile Object model;

        @GetMapping(path = BASELINE + ImagesApi.PATH_SHOW_IMAGE, produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<byte[]> show(@PathVariable("image_id") String id) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        }

        /** The same image as a model object: Spring's Jackson converter writes it (no checks either). */
        @GetMapping(path = BASELINE_MODEL + ImagesApi.PATH_SHOW_IMAGE, produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Object> showModel(@PathVariable("image_id") String id) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(model);
        }
    }
}
