package io.github.scptoolkit.image.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.client.ScpBadRequestException;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.testkit.ScpEmulator;
import io.github.scptoolkit.image.testkit.ScpEmulatorTest;
import io.github.scptoolkit.image.testkit.ScpFault;
import io.github.scptoolkit.image.testkit.ScpImages;
import io.github.scptoolkit.image.testkit.ScpRequestPattern;
import io.github.scptoolkit.image.testkit.ScpTenant;

/** The application's {@link ImageLookup} against the emulator, as docs/testkit.md shows it. */
@ScpEmulatorTest
class ImageLookupTest {

    @Test
    void findsTheSeedImage(ScpEmulator emulator) {
        ImageLookup lookup = new ImageLookup(emulator.client());

        assertEquals(ScpImages.seedId(), lookup.find(ScpImages.seedId()).orElseThrow().getId());
    }

    @Test
    void anImageOfAnotherProjectIsNotFound(ScpEmulator emulator) {
        emulator.putImage(ScpImages.seed().id("their-image").owner(ScpTenant.newProjectId()));

        assertEquals(Optional.empty(), new ImageLookup(emulator.client()).find("their-image"));
    }

    @Test
    void aRetiredVersionIsATypedError(ScpEmulator emulator) {
        ScpServiceVersion deprecated = ScpServiceVersion.all().stream()
                .filter(v -> v.isDeprecated() && v.notBefore().isPresent()).findFirst().orElseThrow();
        LocalDate notBefore = deprecated.notBefore().orElseThrow();
        ImageLookup pinned = new ImageLookup(emulator.client(deprecated));

        emulator.setDate(notBefore.minusDays(1));
        assertTrue(pinned.find(ScpImages.seedId()).isPresent());

        emulator.setDate(notBefore);
        ScpBadRequestException retired = assertThrows(ScpBadRequestException.class,
                () -> pinned.find(ScpImages.seedId()));
        assertEquals(Optional.of(ScpProblemCode.RETIRED_API_VERSION), retired.problemCode());
    }

    @Test
    void survivesOneUnavailableAnswer(ScpEmulator emulator) {
        emulator.inject(ScpFault.serviceUnavailable(Duration.ofSeconds(1)));

        assertTrue(new ImageLookup(emulator.client()).find(ScpImages.seedId()).isPresent());

        emulator.verifySignedAfresh(2, ScpRequestPattern.image(ScpImages.seedId()));
    }
}
