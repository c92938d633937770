package io.github.scptoolkit.image.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the SCP emulator for a test class: started once before the class's first test (in the
 * test's JVM, on a random loopback port), handed to tests, lifecycle methods and constructors as an
 * {@link ScpEmulator} parameter (and to fields of that type), reset after each test, stopped after
 * the class, or, with {@code shared = true}, kept for every class of the run that asks for a shared
 * one with the same properties.
 *
 * <pre>
 * &#64;ScpEmulatorTest
 * class ImageLookupTest {
 *     &#64;Test
 *     void findsTheSeedImage(ScpEmulator emulator) {
 *         Image image = emulator.client().showImage(ScpImages.seedId());
 *         assertEquals(ScpImages.seedId(), image.getId());
 *     }
 * }
 *
 * &#64;ScpEmulatorTest(shared = true, properties = "scp.versions.serve-retired=true")
 * class RetiredVersionsTest { ... }
 * </pre>
 *
 * @see ScpEmulatorExtension for {@code @RegisterExtension}
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ScpEmulatorExtension.class)
public @interface ScpEmulatorTest {

    /**
     * Whether to use one emulator for every test class of the run that asks for a shared one with
     * the same {@link #properties()} (started by the first, stopped when the run ends). Tests still
     * start from a reset emulator; only its start-up is saved.
     */
    boolean shared() default false;

    /**
     * Settings of the emulator, {@code key=value}, as the reference server reads them, e.g.
     * {@code scp.catalog=classpath:my-images.json} or {@code scp.versions.serve-retired=true}.
     */
    String[] properties() default {};
}
