package io.github.scptoolkit.image.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/** Helpers shared by the integration tests: the seed image, the demo credentials and raw HTTP calls. */
final class ReferenceServer {

    static final String SEED_IMAGE_ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    /** The project that owns the seed image (and the demo key pair). */
    static final String SEED_PROJECT = "a8f10467abfc4b87b64614ab36eb9ae4";
    /** The reference server's documented demo key pair (application.properties). */
    static final ScpCredentials DEMO = ScpCredentials.of("test", "test", SEED_PROJECT);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ReferenceServer() {
    }

    /** The path of Show Image for {@code imageId} (the spec's path template, the id as given). */
    static String imagePath(String imageId) {
        return ScpApi.SHOW_IMAGE.path().replace("{image_id}", imageId);
    }

    /** The version header, {@code Scp-Api-Version: <value>}. */
    static Map<String, String> versionHeader(String value) {
        return Map.of(ScpApi.VERSION_HEADER, value);
    }

    /** The version header naming {@code version}. */
    static Map<String, String> versionHeader(ScpServiceVersion version) {
        return versionHeader(version.headerValue());
    }

    /** A plain GET signed with the demo credentials, for what the typed client cannot send (bad versions). */
    static HttpResponse<String> signedGet(int port, String path, Map<String, String> headers) {
        return signedGet(port, path, headers, new ScpSigner(DEMO));
    }

    /** A plain GET signed by {@code signer} now, over the exact URL sent. */
    static HttpResponse<String> signedGet(int port, String path, Map<String, String> headers, ScpSigner signer) {
        return signedGet(port, path, headers, signer, java.time.Clock.systemUTC());
    }

    /** A plain GET signed with the demo credentials at {@code clock}'s time (for servers on a fixed clock). */
    static HttpResponse<String> signedGet(int port, String path, Map<String, String> headers, java.time.Clock clock) {
        return signedGet(port, path, headers, new ScpSigner(DEMO), clock);
    }

    private static HttpResponse<String> signedGet(int port, String path, Map<String, String> headers, ScpSigner signer,
            java.time.Clock clock) {
        String url = "http://127.0.0.1:" + port + path;
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.putAll(signer.headers("GET", url, clock.millis()));
        return get(port, path, all);
    }

    /** A plain GET with exactly the given headers (unsigned unless they carry a signature). */
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
