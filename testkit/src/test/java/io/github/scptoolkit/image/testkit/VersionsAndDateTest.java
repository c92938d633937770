package io.github.scptoolkit.image.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.scptoolkit.image.client.ScpBadRequestException;
import io.github.scptoolkit.image.client.ScpResponse;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The service's date decides, per request, which versions are served (a DEPRECATED version from
 * 00:00 of its Not Before date is retired); serving retired versions is a switch; neither moves the
 * time signatures are checked against, and both are back to the real ones after the test.
 */
@ScpEmulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VersionsAndDateTest {

    /** The DEPRECATED version of the spec with the latest Not Before date. */
    static ScpServiceVersion retiring() {
        return ScpServiceVersion.all().stream().filter(v -> v.isDeprecated() && v.notBefore().isPresent())
                .max(Comparator.comparing(v -> v.notBefore().orElseThrow()))
                .orElseGet(() -> {
                    Assumptions.abort("the spec has no DEPRECATED version with a Not Before date");
                    return null;
                });
    }

    @Test
    void theDayBeforeItsNotBeforeDateADeprecatedVersionIsServedWithItsSunset(ScpEmulator emulator) {
        ScpServiceVersion version = retiring();
        emulator.setDate(version.notBefore().orElseThrow().minusDays(1));

        ScpResponse<Image> response = emulator.client(version).showImageWithResponse(ScpImages.seedId());

        assertThat(response.metadata().servedVersion()).contains(version);
        assertThat(response.metadata().isDeprecated()).isTrue();
        assertThat(response.metadata().sunset()).isPresent();
    }

    @Test
    void fromItsNotBeforeDateItIsRefusedAsRetired(ScpEmulator emulator) {
        ScpServiceVersion version = retiring();
        emulator.setDate(version.notBefore().orElseThrow());

        assertThatThrownBy(() -> emulator.client(version).showImage(ScpImages.seedId()))
                .isInstanceOfSatisfying(ScpBadRequestException.class,
                        e -> assertThat(e.problemCode()).contains(ScpProblemCode.RETIRED_API_VERSION));
        assertThat(emulator.servedVersions()).doesNotContain(version).contains(ScpServiceVersion.getLatest());
    }

    @Test
    void servingRetiredVersionsKeepsItOn(ScpEmulator emulator) {
        ScpServiceVersion version = retiring();
        emulator.setDate(version.notBefore().orElseThrow().plusYears(1));
        emulator.serveRetiredVersions(true);

        assertThat(emulator.client(version).showImage(ScpImages.seedId()).getId()).isEqualTo(ScpImages.seedId());
        assertThat(emulator.servedVersions()).contains(version);
    }

    @Test
    void theDateMovesTheVersionsNotTheSignatureCheck(ScpEmulator emulator) {
        emulator.setDate(LocalDate.now().plusYears(10));

        assertThat(emulator.client().showImage(ScpImages.seedId()).getId()).isEqualTo(ScpImages.seedId());
        assertThat(emulator.requests()).singleElement().satisfies(r -> assertThat(r.signatureVerified()).isTrue());
    }

    @Test
    @Order(1)
    void aTestThatMovesTheDateAndServesRetiredVersions(ScpEmulator emulator) {
        emulator.setDate(LocalDate.now().plusYears(10));
        emulator.serveRetiredVersions(true);
    }

    @Test
    @Order(2)
    void leavesTheRealClockAndTheDefaultVersionsToTheNext(ScpEmulator emulator) {
        assertThat(Duration.between(emulator.clock().instant(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
        ScpServiceVersion version = retiring();
        LocalDate today = LocalDate.now(emulator.clock().withZone(io.github.scptoolkit.image.spec.ScpApi.NOT_BEFORE_ZONE));
        Assumptions.assumeTrue(version.isRetiredOn(today), version + " is not retired today");

        assertThatThrownBy(() -> emulator.client(version).showImage(ScpImages.seedId()))
                .isInstanceOf(ScpBadRequestException.class);
    }
}
