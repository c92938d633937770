package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * Soak: {@code soak.clients} (default 8) concurrent signed clients (the generated client, one each,
 * the CURRENT version and the newest other served one alternating) call the reference server on loopback for {@code soak.duration}
 * (default PT60S), at most {@code soak.max-requests} requests in all. Reports throughput, p50/p99
 * latency, errors and heap after GC before and after; fails on any error or when the heap after GC
 * grew by more than {@code soak.heap-tolerance-mb} (default 32 MB). Not part of {@code verify}:
 * <pre>
 * ./mvnw -B -pl it-tests -am verify -Psoak -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.duration=PT60S
 * </pre>
 * The contract filter checks every exchange here too, so the numbers include that cost.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ShowImageSoakIT {

    static final Duration DURATION = Duration.parse(System.getProperty("soak.duration", "PT60S"));
    static final int CLIENTS = Integer.getInteger("soak.clients", 8);
    static final long MAX_REQUESTS = Long.getLong("soak.max-requests", 10_000_000L);
    static final long HEAP_TOLERANCE_MB = Long.getLong("soak.heap-tolerance-mb", 32);
    /** Latency histogram: 10 µs buckets up to 2 s, the last one for anything slower. */
    static final int BUCKETS = 200_000;
    static final long BUCKET_NANOS = 10_000;

    @LocalServerPort
    int port;

    @Test
    void concurrentSignedClientsRunWithoutErrorsAndWithoutHeapGrowth() throws Exception {
        List<ScpImageClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(ScpImageClient.builder().endpoint("http://127.0.0.1:" + port).credentials(ReferenceServer.DEMO)
                    .serviceVersion(i % 2 == 0 ? SpecVersions.current() : SpecVersions.otherServed(Clock.systemUTC()))
                    .build());
        }
        long[][] histograms = new long[CLIENTS][BUCKETS];
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        for (int i = 0; i < 2_000; i++) {   // warm-up, not measured
            clients.get(i % CLIENTS).showImage(ReferenceServer.SEED_IMAGE_ID);
        }
        long heapStart = heapAfterGc();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        long deadline = start + DURATION.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            ScpImageClient client = clients.get(c);
            long[] histogram = histograms[c];
            running.add(pool.submit(() -> {
                while (System.nanoTime() < deadline && requests.incrementAndGet() <= MAX_REQUESTS) {
                    long t0 = System.nanoTime();
                    try {
                        Object image = client.showImage(ReferenceServer.SEED_IMAGE_ID);
                        if (image == null) {
                            errors.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        if (errors.incrementAndGet() <= 5) {
                            System.out.println("Soak error: " + e);
                        }
                    }
                    histogram[(int) Math.min(BUCKETS - 1, (System.nanoTime() - t0) / BUCKET_NANOS)]++;
                }
            }));
        }
        for (Future<?> f : running) {
            f.get(DURATION.toSeconds() + 120, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long heapEnd = heapAfterGc();

        long[] all = new long[BUCKETS];
        long total = 0;
        for (long[] h : histograms) {
            for (int b = 0; b < BUCKETS; b++) {
                all[b] += h[b];
                total += h[b];
            }
        }
        System.out.printf("Soak: %d clients, %.1f s, %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d,"
                + " heap after GC %d MB -> %d MB (tolerance %d MB)%n", CLIENTS, seconds, total, total / seconds,
                percentile(all, total, 0.50), percentile(all, total, 0.99), errors.get(), heapStart >> 20, heapEnd >> 20,
                HEAP_TOLERANCE_MB);

        assertThat(total).isPositive();
        assertThat(errors.get()).isZero();
        assertThat((heapEnd - heapStart) >> 20).as("heap growth in MB").isLessThanOrEqualTo(HEAP_TOLERANCE_MB);
    }

    private static double percentile(long[] histogram, long total, double p) {
        long rank = (long) Math.ceil(total * p);
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= rank) {
                return (b + 1) * BUCKET_NANOS / 1e6;   // upper edge of the bucket, in ms
            }
        }
        return Double.NaN;
    }

    private static long heapAfterGc() throws InterruptedException {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            min = Math.min(min, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return min;
    }
}
