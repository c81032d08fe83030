package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.ChairId;
import java.util.Collection;
import java.util.List;

/**
 * The chairs an appointment type may use, each with its busy time. An empty pool means the type
 * needs no chair.
 */
record ChairPool(List<Entry> chairs) {

    static final ChairPool NOT_NEEDED = new ChairPool(List.of());

    ChairPool {
        chairs = List.copyOf(chairs);
    }

    boolean needed() {
        return !chairs.isEmpty();
    }

    /** The first chair free for {@code [start, end)}, or null when none is. */
    ChairId freeChair(long start, long end) {
        return freeChair(start, end, List.of());
    }

    /** The first chair free for {@code [start, end)} that is not {@code taken}, or null when none is. */
    ChairId freeChair(long start, long end, Collection<ChairId> taken) {
        for (Entry entry : chairs) {
            if (!taken.contains(entry.chairId()) && entry.busy().conflictEnd(start, end) < 0) {
                return entry.chairId();
            }
        }
        return null;
    }

    record Entry(ChairId chairId, Busy busy) {}
}
