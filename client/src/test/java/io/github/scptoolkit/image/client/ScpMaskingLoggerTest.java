package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import feign.Logger;
import feign.Retryer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Log capture: no secret key and no signature in any log line, at any Feign level. */
class ScpMaskingLoggerTest {

    private static final String SECRET = "log-test-secret-key";
    private static final ScpCredentials CREDENTIALS = ScpCredentials.of("AK-LOG", SECRET, "3c9d2e71b5a84f0e9d6c1a2b7e4f8d05");

    /** Retries after an IO failure, then a 200, then a 401: every kind of line Feign writes. */
    private static List<String> exercise(ScpImageClient.Builder builder, RecordingClient http) {
        ScpImageClient client = builder.endpoint("http://127.0.0.1:8080").credentials(CREDENTIALS).client(http)
                .retryer(new Retryer.Default(1, 1, 2)).build();
        client.showImage("70a599e0-31e7-49b7-b260-868f441e862b");
        catchThrowable(() -> client.showImage("missing"));
        return http.requests.stream().map(r -> RecordingClient.header(r, "Scp-Signature")).toList();
    }

    private static RecordingClient script() {
        return new RecordingClient().thenIoFailure().then(200, RecordingClient.IMAGE_JSON)
                .then(401, "{\"status\":401,\"code\":\"INVALID_SIGNATURE\"}");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Logger.Level.class)
    void noSecretOrSignatureInAnyLine(Logger.Level level) {
        List<String> lines = new ArrayList<>();
        RecordingClient http = script();

        List<String> signatures = exercise(ScpImageClient.builder()
                .logger(ScpMaskingLogger.to(lines::add)).logLevel(level), http);

        assertThat(signatures).hasSize(3);
        for (String line : lines) {
            assertThat(line).doesNotContain(SECRET);
            signatures.forEach(signature -> assertThat(line).doesNotContain(signature));
        }
        if (level == Logger.Level.HEADERS || level == Logger.Level.FULL) {
            // The header lines are there, masked: this test would see a leak.
            assertThat(lines).anyMatch(l -> l.contains("Scp-Signature: " + ScpMaskingLogger.REDACTED));
            assertThat(lines).anyMatch(l -> l.contains("Scp-Accesskey: AK-LOG"));
        }
        if (level != Logger.Level.NONE) {
            assertThat(lines).anyMatch(l -> l.contains("GET http://127.0.0.1:8080/v1/images/"));
        }
    }

    @Test
    void defaultJavaUtilLoggingIsMaskedToo() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("io.github.scptoolkit.image.client");
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = jul.getLevel();
        jul.setLevel(java.util.logging.Level.ALL);
        jul.addHandler(capture);
        try {
            List<String> signatures = exercise(ScpImageClient.builder().logLevel(Logger.Level.FULL), script());

            assertThat(lines).anyMatch(l -> l.contains("Scp-Signature: " + ScpMaskingLogger.REDACTED));
            for (String line : lines) {
                assertThat(line).doesNotContain(SECRET);
                signatures.forEach(signature -> assertThat(line).doesNotContain(signature));
            }
        } finally {
            jul.removeHandler(capture);
            jul.setLevel(before);
        }
    }

    @Test
    void masksTheHeadersThatCarrySecrets() {
        assertThat(ScpMaskingLogger.isMasked("Scp-Signature")).isTrue();
        assertThat(ScpMaskingLogger.isMasked("scp-signature")).isTrue();
        assertThat(ScpMaskingLogger.isMasked("Authorization")).isTrue();
        assertThat(ScpMaskingLogger.isMasked("Scp-Accesskey")).isFalse();
    }
}
