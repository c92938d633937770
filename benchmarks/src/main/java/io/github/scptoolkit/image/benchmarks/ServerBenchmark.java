package io.github.scptoolkit.image.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 3. Server cost: the reference server's full path (signature check, version negotiation,
 * per-version shaping, catalog lookup) against a minimal Spring MVC endpoint in the same app
 * returning the same bytes, all driven by the same load generator (JMH threads, each request
 * signed afresh and sent with {@link LoadGenerator} on loopback). Sampled latency (mean, p50, p99) with 4 closed-loop threads; the
 * throughput ratio is the inverse ratio of the mean latencies (same threads, same generator).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@Warmup(iterations = 5, time = 5)  // a whole Spring app on 2 cores needs ~25 s of JIT before steady state
@Measurement(iterations = 5, time = 3)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(4)
public class ServerBenchmark {

    BenchmarkServer server;
    HttpClient http;
    String fullPathUri;
    String baselineUri;
    String baselineModelUri;

    @Setup
    public void setUp() {
        server = new BenchmarkServer();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        fullPathUri = BenchmarkServer.IMAGE_PATH;
        baselineUri = BenchmarkServer.BASELINE + BenchmarkServer.IMAGE_PATH;
        baselineModelUri = BenchmarkServer.BASELINE_MODEL + BenchmarkServer.IMAGE_PATH;
        server.primeBaseline(BenchmarkServer.get(http, Requests.showImage(server.endpoint, BenchmarkServer.IMAGE_PATH)));
    }

    @TearDown
    public void tearDown() {
        server.close();
    }

    /** The measured path: the full stub + reference implementation. */
    @Benchmark
    public byte[] fullPath() {
        return LoadGenerator.get(Requests.showImage(server.endpoint, fullPathUri));
    }

    /**
     * Where the time goes: the minimal endpoint returning the image as a model object, so that
     * Spring's Jackson converter serializes it (the full path's serialization, without its checks).
     */
    @Benchmark
    public byte[] minimalEndpointSerializingTheModel() {
        return LoadGenerator.get(Requests.showImage(server.endpoint, baselineModelUri));
    }

    /** Baseline: a bare @GetMapping returning the same bytes (the request is signed the same way, unchecked). */
    @Benchmark
    public byte[] baselineMinimalEndpoint() {
        return LoadGenerator.get(Requests.showImage(server.endpoint, baselineUri));
    }
}
