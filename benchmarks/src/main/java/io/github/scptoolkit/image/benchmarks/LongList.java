package io.github.scptoolkit.image.benchmarks;

import java.util.Arrays;

/** A growable list of longs (latencies in nanoseconds), without boxing. */
final class LongList {

    private long[] values = new long[1 << 16];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(LongList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** The {@code p}-th percentile (0-100) by nearest rank; sorts the list. */
    long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        Arrays.sort(values, 0, size);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return values[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    double mean() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return size == 0 ? 0 : sum / size;
    }
}
