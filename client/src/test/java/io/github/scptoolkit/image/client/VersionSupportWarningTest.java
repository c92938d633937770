package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.client.generated.model.ApiVersionDetail;
import io.github.scptoolkit.image.client.generated.model.ApiVersionList;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * The start-up check SCP's tools do, in their wording: a warning when the client's version has
 * {@code max-remain-days} or fewer left (or is past its date), "unsupported version" when the
 * service's document does not list it, nothing otherwise; {@code checkVersionSupport()} logs it.
 */
class VersionSupportWarningTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate TODAY = ServiceVersion.today(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final ScpServiceVersion VERSION = ScpServiceVersion.getLatest();

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

    private static ApiVersionList document(String notBefore) {
        return new ApiVersionList().versions(List.of(new ApiVersionDetail().id(VERSION.id()).status("SUPPORTED")
                .notBefore(notBefore == null ? null : LocalDate.parse(notBefore))));
    }

    @Test
    void withinMaxRemainDaysItWarnsInTheVendorsWording() {
        VersionCheck check = VersionCheck.of(VERSION, document("2026-03-01"), TODAY);

        assertThat(check.supportWarning("virtualserver(kr-west1)", 90)).contains("Supported Until - Warning virtualserver(kr-west1) ["
                + VERSION.id() + "], Until Supported date 2026-03-01: 59 days left");
        assertThat(check.supportWarning("virtualserver(kr-west1)", 58)).isEmpty();
    }

    @Test
    void aDatePassedStillWarnsWithNegativeDaysAndNoDateNeverWarns() {
        assertThat(VersionCheck.of(VERSION, document("2025-12-01"), TODAY).supportWarning("x", 90))
                .hasValueSatisfying(w -> assertThat(w).endsWith("Until Supported date 2025-12-01: -31 days left"));
        assertThat(VersionCheck.of(VERSION, document(null), TODAY).supportWarning("x", 90)).isEmpty();
    }

    @Test
    void aVersionTheDocumentDoesNotListIsUnsupported() {
        VersionCheck check = VersionCheck.of(VERSION, new ApiVersionList().versions(List.of()), TODAY);

        assertThat(check.supportWarning("virtualserver(kr-west1)", 90)).contains("Unsupported Version - Warning"
                + " virtualserver(kr-west1) [" + VERSION.id() + "]: the service's versions document does not list it;"
                + " it is an unsupported version: update the client (or choose a version the service lists)");
    }

    @Test
    void checkVersionSupportLogsOneWarningWithTheRegionAndTheConfiguredThreshold() {
        String body = "{\"versions\":[{\"id\":\"" + VERSION.id() + "\",\"status\":\"SUPPORTED\",\"not_before\":\"2026-03-01\","
                + "\"links\":[]}]}";
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:8080").region("kr-west1")
                .configuration(ScpConfig.empty().with(ScpConfig.Setting.MAX_REMAIN_DAYS, "60", "test"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).client(new RecordingClient().then(200, body)).build();

        VersionCheck check = client.checkVersionSupport();

        assertThat(check.daysLeft()).hasValue(59);
        assertThat(client.maxRemainDays()).isEqualTo(60);
        assertThat(records).singleElement().satisfies(r -> assertThat(r.getMessage())
                .isEqualTo("Supported Until - Warning virtualserver(kr-west1) [" + VERSION.id()
                        + "], Until Supported date 2026-03-01: 59 days left"));
    }
}
