package io.github.scptoolkit.image.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Helpers shared by the integration tests: the seed examples and raw HTTP calls. */
final class ReferenceServer {

    static final String SEED_IMAGE_ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ReferenceServer() {
    }

    /** The vendor's example 200 body of {@code version} ("1.0" ... "1.3"), as shipped in the api-spec jar. */
    static JsonNode seedExample(String version) {
        try (InputStream in = ReferenceServer.class.getResourceAsStream("/openapi/examples/show-image-" + version + ".json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain GET with the given headers, for what the typed client cannot send (bad versions). */
    static HttpResponse<String> get(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
