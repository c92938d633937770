package io.github.scptoolkit.image.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The server benchmark's load generator: a plain keep-alive {@link HttpURLConnection} per call
 * (the JDK pools the connection), lighter on this 2-core machine than {@code java.net.http},
 * so that more of the CPU goes to the server being measured. It sends the request's headers as given.
 */
final class LoadGenerator {

    private LoadGenerator() {
    }

    static byte[] get(HttpRequest request) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(request.uri().toString()).toURL().openConnection();
            request.headers().map().forEach((name, values) -> values.forEach(v -> connection.addRequestProperty(name, v)));
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status + " from " + request.uri());
            }
            try (InputStream in = connection.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
