package io.github.scptoolkit.image.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks (any JMH command-line options pass through) and then prints the four
 * comparisons of issue 7, each figure beside its baseline from the same run, with JMH's error.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am verify -Pbenchmarks
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        System.out.println();
        System.out.println("== Comparisons (same run; ratios matter, absolute times do not) ==");
        compare(results, "1. Signing", "SigningBenchmark.scpSigner", "SigningBenchmark.baselineMacDoFinal",
                Mode.AverageTime, "goal: < 2 us/op");
        compare(results, "2. Client round trip", "ClientRoundTripBenchmark.sdkClient",
                "ClientRoundTripBenchmark.baselineHandWritten", Mode.AverageTime, "goal: ratio <= 1.2");
        throughput(results, "3. Server throughput", "ServerBenchmark.fullPath", "ServerBenchmark.baselineMinimalEndpoint",
                "goal: ratio >= 0.8");
        throughput(results, "   (serializing model)", "ServerBenchmark.minimalEndpointSerializingTheModel",
                "ServerBenchmark.baselineMinimalEndpoint", "(where the time goes: Jackson + Spring's converter alone)");
        percentile(results, "3. Server latency", "ServerBenchmark.fullPath", "ServerBenchmark.baselineMinimalEndpoint");
        compare(results, "4. Decode", "DecodeBenchmark.decodeIntoModel", "DecodeBenchmark.baselineDecodeIntoTree",
                Mode.Throughput, "(baseline: the same bytes into a JSON tree)");
    }

    private static Optional<RunResult> find(Collection<RunResult> results, String name, Mode mode) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith(name) && r.getParams().getMode() == mode)
                .findFirst();
    }

    private static void compare(Collection<RunResult> results, String title, String measured, String baseline,
            Mode mode, String goal) {
        Optional<RunResult> m = find(results, measured, mode);
        Optional<RunResult> b = find(results, baseline, mode);
        if (m.isEmpty() || b.isEmpty()) {
            System.out.printf("%-22s not run%n", title);
            return;
        }
        Result<?> mr = m.get().getPrimaryResult();
        Result<?> br = b.get().getPrimaryResult();
        System.out.printf(Locale.ROOT, "%-22s %s %.3f ± %.3f %s | baseline %.3f ± %.3f %s | ratio %.2f  %s%n",
                title, measured.substring(measured.indexOf('.') + 1), mr.getScore(), mr.getScoreError(),
                mr.getScoreUnit(), br.getScore(), br.getScoreError(), br.getScoreUnit(),
                mr.getScore() / br.getScore(), goal);
    }

    /** Closed loop, same threads: throughput ratio = inverse ratio of the mean latencies. */
    private static void throughput(Collection<RunResult> results, String title, String measured, String baseline,
            String goal) {
        Optional<RunResult> m = find(results, measured, Mode.SampleTime);
        Optional<RunResult> b = find(results, baseline, Mode.SampleTime);
        if (m.isEmpty() || b.isEmpty()) {
            System.out.printf("%-22s not run%n", title);
            return;
        }
        int threads = m.get().getParams().getThreads();
        Result<?> mr = m.get().getPrimaryResult();
        Result<?> br = b.get().getPrimaryResult();
        System.out.printf(Locale.ROOT,
                "%-22s %s %.0f req/s (mean %.1f ± %.1f %s) | baseline %.0f req/s (mean %.1f ± %.1f %s) | ratio %.2f  %s%n",
                title, measured.substring(measured.indexOf('.') + 1), perSecond(threads, mr), mr.getScore(),
                mr.getScoreError(), mr.getScoreUnit(), perSecond(threads, br), br.getScore(), br.getScoreError(),
                br.getScoreUnit(), br.getScore() / mr.getScore(), goal);
    }

    private static double perSecond(int threads, Result<?> meanLatencyMicros) {
        return threads * 1_000_000.0 / meanLatencyMicros.getScore();
    }

    private static void percentile(Collection<RunResult> results, String title, String measured, String baseline) {
        Optional<RunResult> m = find(results, measured, Mode.SampleTime);
        Optional<RunResult> b = find(results, baseline, Mode.SampleTime);
        if (m.isEmpty() || b.isEmpty()) {
            System.out.printf("%-22s not run%n", title);
            return;
        }
        double mp = m.get().getPrimaryResult().getStatistics().getPercentile(99.0);
        double bp = b.get().getPrimaryResult().getStatistics().getPercentile(99.0);
        double mp50 = m.get().getPrimaryResult().getStatistics().getPercentile(50.0);
        double bp50 = b.get().getPrimaryResult().getStatistics().getPercentile(50.0);
        String unit = m.get().getPrimaryResult().getScoreUnit();
        System.out.printf(Locale.ROOT, "%-22s fullPath p50 %.3f p99 %.3f %s | baseline p50 %.3f p99 %.3f %s | p99 ratio %.2f%n",
                title, mp50, mp, unit, bp50, bp, unit, mp / bp);
    }
}
