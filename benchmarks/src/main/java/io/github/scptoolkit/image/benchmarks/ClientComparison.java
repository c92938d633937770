package io.github.scptoolkit.image.benchmarks;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectReader;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * One fork of the client comparison (issue 14, "client round trip ≤ 1.0 × hand-written"): the
 * generated, signing Feign client against a hand-written {@code java.net.http.HttpClient} + Jackson
 * call with the same headers, the same signature and the same decoding into the model, both
 * calling the same reference server on loopback from one thread of this JVM. After a warm-up, the
 * two take turns in short windows ({@code rounds} times each, which one goes first alternating), so
 * that a change in the machine's speed hits both alike. Prints one {@code RESULT} line per caller:
 * mean, p50 and p99 of the round trip (call to decoded model).
 *
 * <pre>
 * java -cp ... io.github.scptoolkit.image.benchmarks.ClientComparison [warmupSeconds rounds windowSeconds]
 * </pre>
 */
public final class ClientComparison {

    /** The callers, in BenchmarkMain's names: the SDK, then the hand-written baseline. */
    static final List<String> NAMES = List.of("sdk", "hand");

    private ClientComparison() {
    }

    public static void main(String[] args) throws Exception {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int windowSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        try (BenchmarkServer server = new BenchmarkServer()) {
            ScpImageClient client = ScpImageClient.builder().endpoint(server.endpoint)
                    .credentials(ScpCredentials.of(Requests.ACCESS_KEY, Requests.SECRET_KEY, Requests.ACCOUNT_ID))
                    .serviceVersion(ScpServiceVersion.getLatest()).build();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ObjectReader reader = ScpJson.newMapper().readerFor(Image.class);
            List<Callable<Image>> callers = List.of(
                    () -> client.showImage(BenchmarkServer.IMAGE_ID),
                    () -> reader.readValue(BenchmarkServer.get(http,
                            Requests.showImage(server.endpoint, BenchmarkServer.IMAGE_PATH))));
            // Both decode the same image, or the comparison compares nothing.
            if (!Objects.equals(callers.get(0).call(), callers.get(1).call())) {
                throw new IllegalStateException("the SDK and the hand-written call decode different images");
            }
            long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            for (int i = 0; System.nanoTime() < warmupEnd; i++) {
                window(callers.get(i % 2), 1, null);
            }
            LongList[] latencies = {new LongList(), new LongList()};
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    int c = (r + k) % 2;
                    window(callers.get(c), windowSeconds, latencies[c]);
                }
            }
            for (int c = 0; c < 2; c++) {
                LongList l = latencies[c];
                System.out.printf(Locale.ROOT, "RESULT %s mean_us=%.1f p50_us=%.1f p99_us=%.1f n=%d%n", NAMES.get(c),
                        l.mean() / 1000, l.percentile(50) / 1000.0, l.percentile(99) / 1000.0, l.size());
            }
        }
        System.exit(0);
    }

    /** Calls {@code caller} back to back for {@code seconds}, recording each call's time when asked. */
    private static void window(Callable<Image> caller, int seconds, LongList record) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (long now = System.nanoTime(); now < end; ) {
            Objects.requireNonNull(caller.call());
            long after = System.nanoTime();
            if (record != null) {
                record.add(after - now);
            }
            now = after;
        }
    }
}
