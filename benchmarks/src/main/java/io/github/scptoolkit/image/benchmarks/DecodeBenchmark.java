package io.github.scptoolkit.image.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * 4. Decode: Jackson decoding of the seed image's body (the vendor's example of the newest version
 * that has one) into the generated model with the client's mapper (lenient timestamps,
 * JsonNullable), against decoding the same bytes into a generic tree.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

    byte[] body;
    ObjectReader model;
    ObjectReader tree;

    @Setup
    public void setUp() throws IOException {
        body = seedBody();
        ObjectMapper mapper = ScpJson.newMapper();
        model = mapper.readerFor(Image.class);
        tree = new ObjectMapper().reader();
    }

    /** The vendor's example body of the newest version of the spec that has one. */
    static byte[] seedBody() throws IOException {
        java.util.List<ScpServiceVersion> newestFirst = new java.util.ArrayList<>(ScpServiceVersion.all());
        java.util.Collections.reverse(newestFirst);
        for (ScpServiceVersion version : newestFirst) {
            try (InputStream in = DecodeBenchmark.class.getResourceAsStream(
                    "/openapi/examples/show-image-" + version.getVersion() + ".json")) {
                if (in != null) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("the api-spec jar has no example body");
    }

    /** The measured path: bytes to the generated model. */
    @Benchmark
    public Image decodeIntoModel() throws IOException {
        return model.readValue(body);
    }

    /** Baseline: the same bytes into Jackson's tree model (parsing cost without binding). */
    @Benchmark
    public Object baselineDecodeIntoTree() throws IOException {
        return tree.readTree(body);
    }
}
