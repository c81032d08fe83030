package dev.sofia.clinic.scheduling;

import java.util.Arrays;

/**
 * Busy time of one doctor or chair as sorted, merged, half-open intervals in epoch seconds, so the
 * hot question "does [s, e) collide, and until when?" is a binary search.
 */
final class Busy {

    private static final int INDEX_BITS = 24;

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
        int[] order = byStart(rawStarts, count);
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

    /**
     * Indices of the intervals ordered by start. Each start is packed with its index into one long
     * and sorted as primitives: sorting boxed indices with a comparator dominated large calendars.
     */
    private static int[] byStart(long[] starts, int count) {
        long[] packed = new long[count];
        for (int i = 0; i < count; i++) {
            if (starts[i] < 0 || starts[i] >= 1L << (63 - INDEX_BITS) || count >= 1 << INDEX_BITS) {
                return byStartBoxed(starts, count);
            }
            packed[i] = (starts[i] << INDEX_BITS) | i;
        }
        Arrays.sort(packed);
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = (int) (packed[k] & ((1L << INDEX_BITS) - 1));
        }
        return order;
    }

    /** The general path, for times before 1970 or after about the year 2500. */
    private static int[] byStartBoxed(long[] starts, int count) {
        Integer[] boxed = new Integer[count];
        for (int i = 0; i < count; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(starts[a], starts[b]));
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = boxed[k];
        }
        return order;
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
