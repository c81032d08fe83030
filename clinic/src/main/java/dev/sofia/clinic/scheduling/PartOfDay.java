package dev.sofia.clinic.scheduling;

import java.time.LocalTime;

/** How callers narrow a search ("vormittags"): by the local start time of the slot. */
public enum PartOfDay {
    MORNING(LocalTime.MIN, LocalTime.NOON),
    AFTERNOON(LocalTime.NOON, LocalTime.of(17, 0)),
    EVENING(LocalTime.of(17, 0), LocalTime.MAX);

    private final LocalTime from;
    private final LocalTime until;

    PartOfDay(LocalTime from, LocalTime until) {
        this.from = from;
        this.until = until;
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(from) && time.isBefore(until);
    }
}
