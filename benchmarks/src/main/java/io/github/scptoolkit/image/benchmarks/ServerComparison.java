package io.github.scptoolkit.image.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fork of the server comparison (issue 14): the reference server's full path (signature check,
 * version negotiation, per-version shaping, catalog lookup), a minimal Spring MVC endpoint in the
 * same app that serializes the same model, one that writes the same prepared bytes, WireMock
 * serving the same bytes and, when installed, Prism mocking the spec ({@link PeerServers}), all
 * driven by the same closed-loop load generator (4 threads, each request signed afresh and sent
 * with {@link LoadGenerator} over loopback keep-alive) in this JVM.
 * After a warm-up, the endpoints take turns in short windows ({@code rounds} times each, the order
 * rotating), so that a change in the machine's background load hits all of them alike; a request
 * that straddles two windows is not counted. Prints one {@code RESULT} line per endpoint:
 * throughput (requests completed per second of its windows), mean, p50 and p99 latency, and the
 * garbage collections in its windows (server and load generator share the JVM, so a pause delays
 * both): how many per 1,000 requests, and the milliseconds paused per second.
 *
 * <pre>
 * java -cp ... io.github.scptoolkit.image.benchmarks.ServerComparison [warmupSeconds rounds windowSeconds threads]
 * </pre>
 */
public final class ServerComparison {

    /** The endpoints, in BenchmarkMain's names. */
    static final List<String> NAMES = List.of("server", "serializing", "bytes", "wiremock");
    /** The fifth endpoint, when Prism is installed ({@link PeerServers#PRISM_PROPERTY}). */
    static final String PRISM = "prism";

    private ServerComparison() {
    }

    public static void main(String[] args) throws Exception {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int windowSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        // Optional: only these endpoints (e.g. "server" alone, for a JFR profile of the full path).
        List<String> only = args.length > 4 ? List.of(args[4].split(",")) : null;
        try (BenchmarkServer server = new BenchmarkServer()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            byte[] body = BenchmarkServer.get(http, Requests.showImage(server.endpoint, BenchmarkServer.IMAGE_PATH));
            server.primeBaseline(body);
            try (PeerServers peers = new PeerServers(BenchmarkServer.IMAGE_PATH, body,
                    System.getProperty(PeerServers.PRISM_PROPERTY), System.getProperty(PeerServers.PRISM_SPEC_PROPERTY))) {
                List<String> names = new ArrayList<>(NAMES);
                List<String> endpoints = new ArrayList<>(List.of(server.endpoint, server.endpoint, server.endpoint,
                        peers.wireMockEndpoint));
                List<String> paths = new ArrayList<>(List.of(BenchmarkServer.IMAGE_PATH,
                        BenchmarkServer.BASELINE_MODEL + BenchmarkServer.IMAGE_PATH,
                        BenchmarkServer.BASELINE + BenchmarkServer.IMAGE_PATH, BenchmarkServer.IMAGE_PATH));
                if (peers.prismEndpoint != null) {
                    names.add(PRISM);
                    endpoints.add(peers.prismEndpoint);
                    paths.add(BenchmarkServer.IMAGE_PATH);
                }
                for (int i = 0; i < names.size(); i++) {
                    byte[] answer = LoadGenerator.get(Requests.showImage(endpoints.get(i), paths.get(i)));
                    // The bytes endpoints answer exactly the full path's bytes; the serializing one writes
                    // the whole model (every version's fields), unshaped; Prism answers the spec's example.
                    boolean sameBytes = !names.get(i).equals("serializing") && !names.get(i).equals(PRISM);
                    if (sameBytes && !java.util.Arrays.equals(answer, body)) {
                        throw new IllegalStateException(names.get(i) + " answers other bytes than the full path");
                    }
                    System.out.printf("BODY %s %d bytes%n", names.get(i), answer.length);
                }
                run(names, endpoints.toArray(String[]::new), paths.toArray(String[]::new), warmupSeconds, rounds,
                        windowSeconds, threads, only == null ? names : only);
            }
        }
        System.exit(0);
    }

    private static void run(List<String> names, String[] endpoints, String[] paths, int warmupSeconds, int rounds,
            int windowSeconds, int threads, List<String> only) throws InterruptedException {
        int n = endpoints.length;
        AtomicInteger window = new AtomicInteger(-1);   // -1: warm-up, not recorded
        AtomicInteger target = new AtomicInteger(0);
        AtomicBoolean stop = new AtomicBoolean();
        List<LongList[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            LongList[] lists = new LongList[n];
            for (int i = 0; i < n; i++) {
                lists[i] = new LongList();
            }
            perThread.add(lists);
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    int w = window.get();
                    int e = target.get();
                    long start = System.nanoTime();
                    LoadGenerator.get(Requests.showImage(endpoints[e], paths[e]));
                    long took = System.nanoTime() - start;
                    if (w >= 0 && window.get() == w) {
                        lists[e].add(took);
                    }
                }
            }, "load-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        // Warm-up: every endpoint in turn, one second each.
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < warmupEnd; i++) {
            if (only.contains(names.get(i % n))) {
                target.set(i % n);
                Thread.sleep(1000);
            }
        }
        long[] windowNanos = new long[n];
        long[] gcCount = new long[n];
        long[] gcMillis = new long[n];
        int w = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int e = (r + k) % n;
                if (!only.contains(names.get(e))) {
                    continue;
                }
                window.set(-1);          // requests in flight for the previous endpoint finish unrecorded
                target.set(e);
                Thread.sleep(200);
                long[] gcBefore = gc();
                long start = System.nanoTime();
                window.set(w++);
                Thread.sleep(windowSeconds * 1000L);
                window.set(-1);
                windowNanos[e] += System.nanoTime() - start;
                long[] gcAfter = gc();
                gcCount[e] += gcAfter[0] - gcBefore[0];
                gcMillis[e] += gcAfter[1] - gcBefore[1];
            }
        }
        stop.set(true);
        for (Thread worker : workers) {
            worker.join(5000);
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (int e = 0; e < n; e++) {
            if (!only.contains(names.get(e))) {
                continue;
            }
            LongList all = new LongList();
            for (LongList[] lists : perThread) {
                all.addAll(lists[e]);
            }
            double seconds = windowNanos[e] / 1e9;
            lines.put(names.get(e), String.format(Locale.ROOT,
                    "RESULT %s throughput=%.1f mean_us=%.1f p50_us=%.1f p99_us=%.1f n=%d gc_per_1000=%.3f "
                            + "gc_ms_per_s=%.2f", names.get(e), all.size() / seconds, all.mean() / 1000,
                    all.percentile(50) / 1000.0, all.percentile(99) / 1000.0, all.size(),
                    all.size() == 0 ? 0 : gcCount[e] * 1000.0 / all.size(), gcMillis[e] / seconds));
        }
        lines.values().forEach(System.out::println);
    }

    /** Collections so far and their accumulated time in milliseconds, over all of the JVM's collectors. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
