package io.github.scptoolkit.image.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits the server threads' CPU samples of a JFR recording ({@code jdk.ExecutionSample} on
 * Tomcat's {@code http-nio-*} threads) into the steps of a request, for BENCHMARKS.md's profile
 * tables. Each sample goes to the first step whose frame it finds walking from the leaf towards
 * the thread's root; samples in no step's frames are Tomcat's own work (parsing, I/O).
 *
 * <pre>
 * java -cp ... io.github.scptoolkit.image.benchmarks.JfrBreakdown /tmp/full.jfr [--top 30]
 * </pre>
 */
public final class JfrBreakdown {

    /** Step name, then the frame prefixes (class name, or class name + "." + method) that mark it. */
    private static final Map<String, List<String>> STEPS = new LinkedHashMap<>();

    private static final String TOMCAT = "Tomcat (parsing, I/O, servlet container)";

    static {
        STEPS.put("signature check", List.of("io.github.scptoolkit.image.server.ScpSignatureFilter",
                "io.github.scptoolkit.image.server.ScpSignatureVerifier", "io.github.scptoolkit.image.server.ScpServedHosts",
                "io.github.scptoolkit.image.server.ScpCaller", "io.github.scptoolkit.image.server.ScpSignatureGuard"));
        STEPS.put("parameter validation", List.of("io.github.scptoolkit.image.server.ScpParameterCheck",
                "org.springframework.validation", "org.hibernate.validator",
                "org.springframework.web.method.annotation.HandlerMethodValidator", "org.springframework.aop",
                "org.springframework.cglib", "io.github.scptoolkit.image.reference.ImagesController$$SpringCGLIB"));
        STEPS.put("version resolution and headers", List.of("org.springframework.web.accept",
                "io.github.scptoolkit.image.server.ScpVersion", "io.github.scptoolkit.image.server.ScpApiVersionParser",
                "io.github.scptoolkit.image.server.VersionResponseHeaders",
                "io.github.scptoolkit.image.server.ScpOperations"));
        STEPS.put("response flush (socket write)", List.of("org.springframework.http.server.ServletServerHttpResponse.flush"));
        STEPS.put("write the body (converter, Jackson, shaping)", List.of(
                "org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters",
                "org.springframework.http.converter", "tools.jackson", "io.github.scptoolkit.image.server.Shape",
                "io.github.scptoolkit.image.server.ScpResponseShaping"));
        STEPS.put("controller (catalog, tenant, visibility)", List.of("io.github.scptoolkit.image.reference",
                "io.github.scptoolkit.image.benchmarks.BenchmarkServer$BaselineController"));
        STEPS.put("argument resolution", List.of(
                "org.springframework.web.method.support.InvocableHandlerMethod.getMethodArgumentValues",
                "org.springframework.web.method.annotation", "org.springframework.web.servlet.mvc.method.annotation.PathVariable",
                "org.springframework.web.bind"));
        STEPS.put("handler mapping", List.of("org.springframework.web.servlet.handler.AbstractHandlerMapping.getHandler",
                "org.springframework.web.servlet.DispatcherServlet.getHandler"));
        STEPS.put("request-handled event", List.of(
                "org.springframework.web.servlet.FrameworkServlet.publishRequestHandledEvent"));
        STEPS.put("Spring MVC dispatch (other)", List.of("org.springframework.web.servlet",
                "org.springframework.web.method.support"));
        STEPS.put("filters and observation", List.of("org.springframework.web.filter", "org.springframework.boot",
                "io.micrometer"));
        STEPS.put(TOMCAT, List.of());
    }

    private JfrBreakdown() {
    }

    public static void main(String[] args) throws IOException {
        int top = 0;
        String detail = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--top")) {
                top = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--detail")) {
                detail = args[++i];
            }
        }
        Map<String, Integer> inclusive = new TreeMap<>();
        Map<String, Integer> bySteps = new LinkedHashMap<>();
        STEPS.keySet().forEach(s -> bySteps.put(s, 0));
        bySteps.put("other", 0);
        Map<String, Integer> leaves = new TreeMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
            if (thread == null || !thread.startsWith("http-nio")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null) {
                continue;
            }
            total++;
            String step = step(stack.getFrames());
            bySteps.merge(step, 1, Integer::sum);
            if (detail != null && step.startsWith(detail)) {
                stack.getFrames().stream().map(JfrBreakdown::name).distinct()
                        .forEach(f -> inclusive.merge(f, 1, Integer::sum));
            }
            if (!stack.getFrames().isEmpty()) {
                leaves.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d samples on http-nio threads%n", total);
        for (Map.Entry<String, Integer> e : bySteps.entrySet()) {
            System.out.printf(Locale.ROOT, "%6.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey());
        }
        if (detail != null) {
            System.out.println("frames (inclusive) of the samples in '" + detail + "':");
            int all = total;
            inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(top > 0 ? top : 40)
                    .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
            return;
        }
        if (top > 0) {
            System.out.println("hottest leaf frames:");
            int all = total;
            leaves.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                    .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
        }
    }

    /**
     * The step of the innermost frame that some step names (a sample in the JDK, the container or a
     * helper library counts for its nearest caller that is a step); else Tomcat's own work.
     */
    private static String step(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {   // leaf first
            String name = name(frame);
            for (Map.Entry<String, List<String>> step : STEPS.entrySet()) {
                for (String prefix : step.getValue()) {
                    if (name.startsWith(prefix)) {
                        return step.getKey();
                    }
                }
            }
        }
        return frames.isEmpty() ? "other" : TOMCAT;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
