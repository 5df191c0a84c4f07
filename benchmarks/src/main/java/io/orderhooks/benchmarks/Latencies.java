package io.orderhooks.benchmarks;

import java.util.Arrays;

/**
 * Recorded durations in nanoseconds, with nearest-rank percentiles over the sorted samples. Keeps at most
 * {@code capacity} samples and counts the rest as dropped. Thread-safe (one lock; recording is rare next to
 * the work being timed).
 */
final class Latencies {

    private final long[] samples;
    private int size;
    private long dropped;

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    synchronized void record(long nanos) {
        if (size < samples.length) {
            samples[size++] = nanos;
        } else {
            dropped++;
        }
    }

    synchronized int count() {
        return size;
    }

    synchronized long dropped() {
        return dropped;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in microseconds, or -1 with no samples. */
    synchronized long percentileMicros(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000;
    }
}
