package io.github.scptoolkit.image.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on loopback that answers every request with one fixed response (or, with
 * {@link #route}, a response per path prefix, longest first) and records what it got.
 */
final class LocalServer implements AutoCloseable {

    /** What a request carried. */
    record Received(String method, String path, Headers headers) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** A canned answer; {@code declaredLength} above the body's length cuts the body short; {@code delayMillis} before answering. */
    record Answer(int status, String contentType, String body, Map<String, String> headers, long declaredLength,
            long delayMillis) {
        Answer(int status, String contentType, String body, Map<String, String> headers) {
            this(status, contentType, body, headers, -1, 0);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final Map<String, Answer> routes = new LinkedHashMap<>();

    LocalServer(int status, String contentType, String body, Map<String, String> headers) throws IOException {
        this(new Answer(status, contentType, body, headers));
    }

    LocalServer(Answer answer) throws IOException {
        routes.put("/", answer);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Answers requests whose path is {@code path} or starts with it (longest prefix wins; "/" alone matches only "/"). */
    LocalServer route(String path, Answer answer) {
        routes.put(path, answer);
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders()));
        Answer answer = routes.entrySet().stream()
                .filter(r -> r.getKey().equals(path) || (!r.getKey().equals("/") && path.startsWith(r.getKey())))
                .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .map(Map.Entry::getValue).orElse(routes.get("/"));
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().replace("${url}", url()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        long length = answer.declaredLength() > 0 ? answer.declaredLength() : bytes.length == 0 ? -1 : bytes.length;
        exchange.sendResponseHeaders(answer.status(), length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException cutShort) {
            // the body was declared longer than it is: the connection is closed
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
