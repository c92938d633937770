package io.github.scptoolkit.image.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * 2. Client round trip: the generated, signing Feign client calling the reference server on
 * loopback, against a hand-written {@code java.net.http.HttpClient} + Jackson call with the same
 * headers, the same signature and the same decoding into the model, against the same server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 4)  // a whole Spring app on 2 cores needs ~20 s of JIT before steady state
@Measurement(iterations = 5, time = 3)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientRoundTripBenchmark {

    BenchmarkServer server;
    ScpImageClient client;
    HttpClient http;
    ObjectReader reader;

    @Setup
    public void setUp() {
        server = new BenchmarkServer();
        client = ScpImageClient.builder().endpoint(server.endpoint)
                .credentials(ScpCredentials.of(Requests.ACCESS_KEY, Requests.SECRET_KEY, Requests.ACCOUNT_ID))
                .serviceVersion(ScpServiceVersion.getLatest()).build();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        reader = ScpJson.newMapper().readerFor(Image.class);
    }

    @TearDown
    public void tearDown() {
        server.close();
    }

    /** The measured path: the SDK. */
    @Benchmark
    public Image sdkClient() {
        return client.showImage(BenchmarkServer.IMAGE_ID);
    }

    /** Baseline: hand-written HttpClient + Jackson. */
    @Benchmark
    public Image baselineHandWritten() throws IOException {
        byte[] body = BenchmarkServer.get(http, Requests.showImage(server.endpoint, BenchmarkServer.IMAGE_PATH));
        return reader.readValue(body);
    }
}
