package io.github.scptoolkit.image.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;

/**
 * 1. Signing: the client's signer (string to sign, HMAC-SHA256, Base64) against a bare
 * {@code Mac.doFinal} over the same bytes with a ready {@link Mac} (the floor no signer can beat).
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SigningBenchmark {

    static final String URL = "https://virtualserver.kr-west1.e.samsungsdscloud.com/v1/images/70a599e0-31e7-49b7-b260-868f441e862b";
    static final long TIMESTAMP = 1_605_290_625_682L;

    ScpSigner signer;
    Mac mac;
    byte[] stringToSign;

    @Setup
    public void setUp() throws GeneralSecurityException {
        ScpCredentials credentials = ScpCredentials.of("2sd2gg=2agbdSD26svcD", "example-secret-key",
                "a8f10467abfc4b87b64614ab36eb9ae4");
        signer = new ScpSigner(credentials);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("example-secret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        stringToSign = ("GET" + URL + TIMESTAMP + credentials.accessKey() + credentials.accountId() + "Openapi")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The measured path: what the client's interceptor calls per attempt. */
    @Benchmark
    public String scpSigner() {
        return signer.signature("GET", URL, TIMESTAMP);
    }

    /** Baseline: HMAC of the same bytes with an initialised Mac, no string building, no Base64. */
    @Benchmark
    public byte[] baselineMacDoFinal() {
        return mac.doFinal(stringToSign);
    }
}
