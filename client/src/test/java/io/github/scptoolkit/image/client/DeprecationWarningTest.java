package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import feign.RetryableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * A client bound to a DEPRECATED version logs one warning when built, naming the Not Before date
 * (decided with a fixed clock by the spec's retirement rule: 00:00 in Asia/Seoul), and none per
 * call; other versions log nothing. Every version is taken from the spec.
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

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** 00:00 of the version's Not Before date in the spec's zone. */
    private static Instant notBeforeStart(ScpServiceVersion version) {
        return version.notBefore().orElseThrow().atStartOfDay(ScpApi.NOT_BEFORE_ZONE).toInstant();
    }

    static Stream<ScpServiceVersion> deprecatedVersions() {
        List<ScpServiceVersion> deprecated = ScpServiceVersion.all().stream()
                .filter(v -> v.isDeprecated() && v.notBefore().isPresent()).toList();
        Assumptions.assumeFalse(deprecated.isEmpty(), "the spec has no DEPRECATED version");
        return deprecated.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deprecatedVersions")
    void theWarningNamesTheNotBeforeDateAndWhetherItHasArrived(ScpServiceVersion version) {
        String head = "Scp-Api-Version '" + version.headerValue() + "' is DEPRECATED: ";
        String notBefore = version.notBefore().orElseThrow() + " (Not Before, Asia/Seoul)";
        String tail = "; move to '" + SpecVersions.current().headerValue() + "'.";

        assertThat(DeprecationWarning.message(version, at(notBeforeStart(version).minusSeconds(1))))
                .contains(head + "the service stops serving it on " + notBefore + tail);
        assertThat(DeprecationWarning.message(version, at(notBeforeStart(version))))
                .contains(head + "SCP stopped serving it on " + notBefore + " (it answers 400 RETIRED_API_VERSION; "
                        + "a server emulating an older deployment may still serve it)" + tail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deprecatedVersions")
    void retirementStartsAtMidnightInSeoulNotInUtc(ScpServiceVersion version) {
        Instant seoulMidnight = notBeforeStart(version);
        Instant utcMidnight = version.notBefore().orElseThrow().atStartOfDay(ZoneOffset.UTC).toInstant();

        assertThat(DeprecationWarning.message(version, at(seoulMidnight.minusSeconds(1)))).hasValueSatisfying(
                m -> assertThat(m).contains("stops serving"));
        assertThat(DeprecationWarning.message(version, at(seoulMidnight))).hasValueSatisfying(
                m -> assertThat(m).contains("stopped serving"));
        // 00:00 UTC is already 09:00 in Seoul: retired, though the UTC date has only just arrived
        assertThat(DeprecationWarning.message(version, at(utcMidnight.minusSeconds(1)))).hasValueSatisfying(
                m -> assertThat(m).contains("stopped serving"));
    }

    @Test
    void activeVersionsHaveNoWarning() {
        Clock now = at(Instant.parse("2026-11-27T00:00:00Z"));
        for (ScpServiceVersion v : ScpServiceVersion.all()) {
            if (!v.isDeprecated() && v.isCallable()) {
                assertThat(DeprecationWarning.message(v, now)).as(v.headerValue()).isEmpty();
            }
        }
        assertThat(DeprecationWarning.message(SpecVersions.current(), now)).isEmpty();
    }

    @Test
    void aDeprecatedClientWarnsOnceWhenBuiltAndNotPerCall() {
        ScpServiceVersion deprecated = SpecVersions.deprecated();
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:1").maxAttempts(1)
                .credentials(ScpCredentials.of("test", "test")).connectTimeout(Duration.ofSeconds(1))
                .clock(at(notBeforeStart(deprecated).minus(Duration.ofDays(30)))).serviceVersion(deprecated).build();
        for (int i = 0; i < 3; i++) {
            try {
                client.showImage("70a599e0-31e7-49b7-b260-868f441e862b"); // nothing listens on port 1
            } catch (RetryableException expected) {
                // connection refused
            }
        }

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains(deprecated.headerValue(), deprecated.notBefore().orElseThrow().toString(),
                    "stops serving");
        });
    }

    @Test
    void anActiveClientLogsNothing() {
        ScpImageClient.builder().endpoint("http://127.0.0.1:1").serviceVersion(SpecVersions.supported()).build();
        ScpImageClient.builder().endpoint("http://127.0.0.1:1").build();

        assertThat(records).isEmpty();
    }
}
