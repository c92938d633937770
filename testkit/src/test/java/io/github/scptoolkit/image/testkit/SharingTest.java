package io.github.scptoolkit.image.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Classes that ask for a shared emulator with the same settings get one emulator; a class without
 * {@code shared} gets its own; nested classes use their outer class's; an extension registered in a
 * static field hands its emulator out and takes settings in code.
 */
class SharingTest {

    static final Map<String, ScpEmulator> SEEN = new ConcurrentHashMap<>();

    @AfterAll
    static void sharedOnesAreOneAndPerClassOnesAreTheirOwn() {
        assertThat(SEEN.get("shared A")).isNotNull().isSameAs(SEEN.get("shared B"));
        assertThat(SEEN.get("own")).isNotNull().isNotSameAs(SEEN.get("shared A"));
        assertThat(SEEN.get("own, nested")).isSameAs(SEEN.get("own"));
        assertThat(SEEN.get("registered")).isNotNull().isNotSameAs(SEEN.get("shared A")).isNotSameAs(SEEN.get("own"));
    }

    @Nested
    @ScpEmulatorTest(shared = true)
    class SharedA {
        @Test
        void usesTheSharedEmulator(ScpEmulator emulator) {
            SEEN.put("shared A", emulator);
            assertThat(emulator.client().showImage(ScpImages.seedId())).isNotNull();
        }
    }

    @Nested
    @ScpEmulatorTest(shared = true)
    class SharedB {
        @Test
        void usesTheSameSharedEmulator(ScpEmulator emulator) {
            SEEN.put("shared B", emulator);
            assertThat(emulator.requests()).as("reset between tests and classes").isEmpty();
        }
    }

    @Nested
    @ScpEmulatorTest
    class Own {
        @Test
        void usesItsOwnEmulator(ScpEmulator emulator) {
            SEEN.put("own", emulator);
        }

        @Nested
        class Inner {
            @Test
            void usesItsOuterClasssEmulator(ScpEmulator emulator) {
                SEEN.put("own, nested", emulator);
            }
        }
    }

    @Nested
    class Registered {
        @RegisterExtension
        static final ScpEmulatorExtension SCP = new ScpEmulatorExtension()
                .properties("scp.versions.serve-retired=true");

        @Test
        void handsOutItsEmulatorAndAppliesItsSettings(ScpEmulator emulator) {
            SEEN.put("registered", emulator);
            assertThat(SCP.emulator()).isSameAs(emulator);
            for (var version : io.github.scptoolkit.image.spec.ScpServiceVersion.all()) {
                if (version.isCallable()) {
                    assertThat(emulator.client(version).showImage(ScpImages.seedId())).as(version.toString()).isNotNull();
                }
            }
        }
    }
}
