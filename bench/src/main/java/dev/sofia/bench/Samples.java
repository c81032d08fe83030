package dev.sofia.bench;

import java.util.Arrays;

/** Durations of one kind of operation; safe to fill from several client threads. */
final class Samples {

    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long durationNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = durationNanos;
    }

    synchronized void addAll(Samples other) {
        long[] copy = other.sorted();
        for (long n : copy) {
            add(n);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile ({@code p} in 0..100) in milliseconds. */
    double percentileMillis(double p) {
        long[] sorted = sorted();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p95() {
        return percentileMillis(95);
    }

    double meanMillis() {
        long[] all = sorted();
        return all.length == 0 ? Double.NaN : Arrays.stream(all).average().orElseThrow() / 1e6;
    }

    private synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(nanos, size);
        Arrays.sort(copy);
        return copy;
    }
}
