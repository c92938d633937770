package io.github.scptoolkit.image.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import io.github.scptoolkit.image.testkit.ScpEmulatorExtension;
import io.github.scptoolkit.image.testkit.ScpImages;

/**
 * The test kit's first start as a consumer's test JVM sees it (issue 15: "starting the extension and
 * the first call take well under 3 s"). {@link BenchmarkMain} runs it in a fresh JVM whose class path
 * is the kit's runtime class path (what {@code <scope>test</scope>} gives a consumer, written by the
 * testkit build's {@code kit-classpath} execution) plus JUnit's launcher; it runs {@link FirstCall}
 * with JUnit Jupiter and prints the time from that test class's start to the seed image answered;
 * once with default JVM options and once with the Surefire {@code argLine} docs/testkit.md recommends.
 *
 * <pre>
 * java -cp "$(cat testkit/target/kit-classpath.txt):testkit/target/classes:benchmarks/target/classes:&lt;launcher&gt;" \
 *     io.github.scptoolkit.image.benchmarks.KitFirstStart
 * </pre>
 */
public final class KitFirstStart {

    /** Printed with the nanoseconds from the test class's start to the first answer. */
    static final String LINE = "KIT_FIRST_CALL_NS ";

    private KitFirstStart() {
    }

    /**
     * The JVM options docs/testkit.md ("Speed") recommends for a suite that uses the kit: the words of
     * its Surefire {@code <argLine>}, so that the benchmark measures what the page says.
     */
    static List<String> documentedArgLine(Path root) throws IOException {
        String doc = Files.readString(root.resolve("docs/testkit.md"));
        Matcher m = Pattern.compile("<argLine>([^<]+)</argLine>").matcher(doc);
        if (!m.find()) {
            throw new IllegalStateException("docs/testkit.md recommends no Surefire <argLine>");
        }
        return List.of(m.group(1).trim().split("\\s+"));
    }

    public static void main(String[] args) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(FirstCall.class)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != 1) {
            summary.printTo(new PrintWriter(System.out, true));
            summary.printFailuresTo(new PrintWriter(System.out, true), 30);
            System.exit(1);
        }
    }

    /** What a consumer's first test class does: the extension, then one call of the client it hands out. */
    static class FirstCall {

        /** Set when JUnit first touches the class (to register the extension below). */
        static final long STARTED = System.nanoTime();

        @RegisterExtension
        static final ScpEmulatorExtension SCP = new ScpEmulatorExtension();

        @Test
        void firstCall() {
            SCP.emulator().client().showImage(ScpImages.seedId());
            System.out.println(LINE + (System.nanoTime() - STARTED));
        }
    }
}
