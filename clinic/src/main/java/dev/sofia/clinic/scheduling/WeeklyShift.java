package dev.sofia.clinic.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Regular working hours on one weekday, valid between two optional dates, with breaks. */
record WeeklyShift(
        DayOfWeek day,
        LocalTime starts,
        LocalTime ends,
        LocalDate validFrom,
        LocalDate validUntil,
        List<TimeSpan> breaks) {

    WeeklyShift {
        breaks = List.copyOf(breaks);
    }

    boolean appliesOn(LocalDate date) {
        return date.getDayOfWeek() == day
                && (validFrom == null || !date.isBefore(validFrom))
                && (validUntil == null || !date.isAfter(validUntil));
    }

    /** A span of local clock time within a day. */
    record TimeSpan(LocalTime starts, LocalTime ends) {}
}
