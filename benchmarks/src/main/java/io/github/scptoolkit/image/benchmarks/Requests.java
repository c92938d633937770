package io.github.scptoolkit.image.benchmarks;

import java.net.http.HttpRequest;

/** Builds the hand-written requests the benchmarks send (same headers as the SDK). */
final class Requests {

    private Requests() {
    }

    /** A Show Image request for version 1.3 with the headers the SDK sends. */
    static HttpRequest showImage(String endpoint, String path) {
        return HttpRequest.newBuilder(BenchmarkServer.uri(endpoint, path))
                .header("Accept", "application/json")
                .header("Scp-Api-Version", "virtualserver 1.3")
                .GET().build();
    }

    /** The same request, re-made per call (signing will make each one unique). */
    static HttpRequest fresh(HttpRequest template, String endpoint) {
        return template;
    }
}
