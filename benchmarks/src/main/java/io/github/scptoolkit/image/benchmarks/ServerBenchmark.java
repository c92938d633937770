package io.github.scptoolkit.image.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * 3. Server cost: the reference server's full path (signature check, version negotiation,
 * per-version shaping, catalog lookup) against a minimal Spring MVC endpoint in the same app
 * returning the same bytes, both driven by the same load generator (JMH threads, one shared
 * {@link HttpClient} on loopback). Throughput and sampled latency (p50/p99).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(4)
public class ServerBenchmark {

    BenchmarkServer server;
    HttpClient http;
    String fullPathUri;
    HttpRequest baseline;

    @Setup
    public void setUp() {
        server = new BenchmarkServer();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        fullPathUri = "/v1/images/" + BenchmarkServer.IMAGE_ID;
        baseline = Requests.showImage(server.endpoint, "/baseline/v1/images/" + BenchmarkServer.IMAGE_ID);
        server.primeBaseline(BenchmarkServer.get(http, Requests.showImage(server.endpoint, "/v1/images/" + BenchmarkServer.IMAGE_ID)));
    }

    @TearDown
    public void tearDown() {
        server.close();
    }

    /** The measured path: the full stub + reference implementation. */
    @Benchmark
    public byte[] fullPath() {
        return BenchmarkServer.get(http, Requests.showImage(server.endpoint, fullPathUri));
    }

    /** Baseline: a bare @GetMapping returning the same bytes (the request is signed the same way, unchecked). */
    @Benchmark
    public byte[] baselineMinimalEndpoint() {
        return BenchmarkServer.get(http, baseline);
    }
}
