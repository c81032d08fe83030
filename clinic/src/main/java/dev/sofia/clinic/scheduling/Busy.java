package dev.sofia.clinic.scheduling;

import java.util.Arrays;

/**
 * Busy time of one doctor or chair as sorted, merged, half-open intervals in epoch seconds, so the
 * hot question "does [s, e) collide, and until when?" is a binary search.
 */
final class Busy {

    static final Busy NONE = new Busy(new long[0], new long[0]);

    private final long[] starts;
    private final long[] ends;

    private Busy(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** Merges any intervals given as parallel arrays (need not be sorted or disjoint). */
    static Busy of(long[] rawStarts, long[] rawEnds, int count) {
        if (count == 0) {
            return NONE;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(rawStarts[a], rawStarts[b]));
        long[] starts = new long[count];
        long[] ends = new long[count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int i = order[k];
            if (n > 0 && rawStarts[i] <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], rawEnds[i]);
            } else {
                starts[n] = rawStarts[i];
                ends[n] = rawEnds[i];
                n++;
            }
        }
        return new Busy(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** The end of the busy interval that overlaps {@code [start, end)}, or -1 when it is free. */
    long conflictEnd(long start, long end) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) { // first interval whose end is after start
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < starts.length && starts[lo] < end ? ends[lo] : -1;
    }
}
