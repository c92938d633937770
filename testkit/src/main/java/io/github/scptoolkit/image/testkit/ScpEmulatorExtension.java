package io.github.scptoolkit.image.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit Jupiter extension behind {@link ScpEmulatorTest}; register it yourself to configure it
 * in code. It starts the emulator before the class's first test (or reuses the run's shared one),
 * resolves {@link ScpEmulator} parameters and fills non-final fields of that type, resets the
 * emulator after each test and stops it after the class (a shared one when the run ends).
 *
 * <pre>
 * class ImageLookupTest {
 *     &#64;RegisterExtension
 *     static final ScpEmulatorExtension SCP = new ScpEmulatorExtension().shared(true);
 *
 *     &#64;Test
 *     void findsTheSeedImage() {
 *         assertNotNull(SCP.emulator().client().showImage(ScpImages.seedId()));
 *     }
 * }
 * </pre>
 *
 * Register it in a {@code static} field (in an instance field it starts with the class's first
 * test instead of before the class, and fills no fields). Tests of a class
 * share its emulator one after another; do not run tests that use one emulator concurrently. State
 * put in {@code @BeforeAll} is reset after the first test: put it in {@code @BeforeEach} or in the test.
 */
public final class ScpEmulatorExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver,
        TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScpEmulatorExtension.class);

    /** What the extension was configured with in code; null: from {@link ScpEmulatorTest}, else the defaults. */
    private final Settings configured;
    private volatile ScpEmulator current;

    /** An extension configured by {@link ScpEmulatorTest} on the test class, else per class with the default settings. */
    public ScpEmulatorExtension() {
        this(null);
    }

    private ScpEmulatorExtension(Settings configured) {
        this.configured = configured;
    }

    /** A copy that uses the run's shared emulator (see {@link ScpEmulatorTest#shared()}) when {@code shared}. */
    public ScpEmulatorExtension shared(boolean shared) {
        return new ScpEmulatorExtension(new Settings(shared, settings().properties()));
    }

    /** A copy with these emulator settings, {@code key=value} (see {@link ScpEmulatorTest#properties()}). */
    public ScpEmulatorExtension properties(String... properties) {
        return new ScpEmulatorExtension(new Settings(settings().shared(), List.of(properties)));
    }

    /**
     * The emulator this extension started or reused for the running test class.
     *
     * @throws IllegalStateException before the class's tests start
     */
    public ScpEmulator emulator() {
        ScpEmulator emulator = current;
        if (emulator == null) {
            throw new IllegalStateException("the emulator starts before the test class's first test; register the "
                    + "extension in a static field with @RegisterExtension, or take an ScpEmulator parameter");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        ScpEmulator emulator = emulator(context);
        for (Field field : fields(context.getRequiredTestClass(), true)) {
            inject(field, null, emulator);
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        ScpEmulator emulator = emulator(context);
        for (Field field : fields(testInstance.getClass(), false)) {
            inject(field, testInstance, emulator);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        emulator(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ScpEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator(context);
    }

    /** The emulator of this context: the run's shared one, else the one of the (outermost annotated) test class. */
    @SuppressWarnings("deprecation")
    private ScpEmulator emulator(ExtensionContext context) {
        Settings settings = settings(context);
        Running running;
        // getOrComputeIfAbsent: JUnit 6 prefers computeIfAbsent, which JUnit 5 before 5.13 lacks.
        if (settings.shared()) {
            running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("shared " + settings.properties(),
                    key -> Running.start(settings), Running.class);
        } else {
            running = classContext(context).getStore(NAMESPACE).getOrComputeIfAbsent("per class",
                    key -> Running.start(settings), Running.class);
        }
        current = running.emulator();
        return running.emulator();
    }

    private Settings settings() {
        return configured != null ? configured : Settings.DEFAULT;
    }

    private Settings settings(ExtensionContext context) {
        if (configured != null) {
            return configured;
        }
        for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
            Optional<ScpEmulatorTest> annotation = AnnotationSupport.findAnnotation(type, ScpEmulatorTest.class);
            if (annotation.isPresent()) {
                return new Settings(annotation.get().shared(), List.of(annotation.get().properties()));
            }
        }
        return Settings.DEFAULT;
    }

    /** The context of the test class (a test method's parent); nested classes find their outer class's emulator through the store. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static List<Field> fields(Class<?> type, boolean statics) {
        return ReflectionSupport.findFields(type, f -> f.getType() == ScpEmulator.class
                && Modifier.isStatic(f.getModifiers()) == statics && !Modifier.isFinal(f.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
    }

    private static void inject(Field field, Object instance, ScpEmulator emulator) throws IllegalAccessException {
        field.setAccessible(true);
        field.set(instance, emulator);
    }

    /** How the emulator is started: shared or per class, and its settings. */
    private record Settings(boolean shared, List<String> properties) {
        static final Settings DEFAULT = new Settings(false, List.of());

        Settings {
            properties = List.copyOf(properties);
        }
    }

    /**
     * A started emulator in a JUnit store: stopped when the store is closed (class end, or run end when
     * shared). Both interfaces, so that JUnit 5 before 5.13 (CloseableResource only) closes it too.
     */
    @SuppressWarnings("deprecation")
    private record Running(EmulatorServer server, ScpEmulator emulator)
            implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        static Running start(Settings settings) {
            ClientWarmUp.startOnce();   // the client's classes load on the other core meanwhile
            EmulatorServer server = EmulatorServer.start(settings.properties());
            return new Running(server, new ScpEmulator(server));
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
