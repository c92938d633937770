package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import feign.RetryableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client bound to a DEPRECATED version logs one warning when built, naming the Not Before date
 * (decided with a fixed clock), and none per call; other versions log nothing.
 */
class DeprecationWarningTest {

    /** Held strongly: java.util.logging keeps loggers weakly. */
    private static final Logger JUL = Logger.getLogger(ScpImageClient.class.getName());

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        JUL.addHandler(capture);
    }

    @AfterEach
    void release() {
        JUL.removeHandler(capture);
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
            "V1_1|2026-05-30T14:59:59Z|Scp-Api-Version 'virtualserver 1.1' is DEPRECATED: the service stops serving it on 2026-05-31 (Not Before, Asia/Seoul); move to 'virtualserver 1.3'.",
            "V1_1|2026-05-30T15:00:00Z|Scp-Api-Version 'virtualserver 1.1' is DEPRECATED: SCP stopped serving it on 2026-05-31 (Not Before, Asia/Seoul) (it answers 400 RETIRED_API_VERSION; a server emulating an older deployment may still serve it); move to 'virtualserver 1.3'.",
            "V1_0|2025-12-30T14:59:59Z|Scp-Api-Version 'virtualserver 1.0' is DEPRECATED: the service stops serving it on 2025-12-31 (Not Before, Asia/Seoul); move to 'virtualserver 1.3'.",
            "V1_0|2025-12-30T15:00:00Z|Scp-Api-Version 'virtualserver 1.0' is DEPRECATED: SCP stopped serving it on 2025-12-31 (Not Before, Asia/Seoul) (it answers 400 RETIRED_API_VERSION; a server emulating an older deployment may still serve it); move to 'virtualserver 1.3'."})
    void theWarningNamesTheNotBeforeDateAndWhetherItHasArrived(ApiVersion version, String now, String message) {
        assertThat(DeprecationWarning.message(version, at(now))).contains(message);
    }

    @ParameterizedTest(name = "{0} is retired at {1}: {2}")
    @CsvSource({"V1_0, 2025-12-30T14:59:59Z, false", "V1_0, 2025-12-30T15:00:00Z, true",
            "V1_1, 2026-05-30T14:59:59Z, false", "V1_1, 2026-05-30T15:00:00Z, true",
            "V1_2, 2026-11-27T00:00:00Z, false", "V1_3, 2026-11-27T00:00:00Z, false"})
    void retirementStartsAtMidnightInSeoul(ApiVersion version, String now, boolean retired) {
        assertThat(version.isRetired(at(now))).isEqualTo(retired);
    }

    @Test
    void activeVersionsHaveNoWarning() {
        assertThat(DeprecationWarning.message(ApiVersion.V1_2, at("2026-11-27T00:00:00Z"))).isEmpty();
        assertThat(DeprecationWarning.message(ApiVersion.V1_3, at("2026-11-27T00:00:00Z"))).isEmpty();
    }

    @Test
    void aDeprecatedClientWarnsOnceWhenBuiltAndNotPerCall() {
        ScpImageClient<?> client = ScpImageClient.builder().endpoint("http://127.0.0.1:1").maxAttempts(1)
                .credentials(ScpCredentials.of("test", "test"))
                .connectTimeout(Duration.ofSeconds(1)).clock(at("2026-01-01T00:00:00Z")).build(ImageVersion.V1_1);
        for (int i = 0; i < 3; i++) {
            try {
                client.showImage("70a599e0-31e7-49b7-b260-868f441e862b"); // nothing listens on port 1
            } catch (RetryableException expected) {
                // connection refused
            }
        }

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains("virtualserver 1.1", "2026-05-31");
        });
    }

    @Test
    void anActiveClientLogsNothing() {
        ScpImageClient.builder().endpoint("http://127.0.0.1:1").build(ImageVersion.V1_2);
        ScpImageClient.builder().endpoint("http://127.0.0.1:1").build();

        assertThat(records).isEmpty();
    }
}
