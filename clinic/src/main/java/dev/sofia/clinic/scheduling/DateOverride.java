package dev.sofia.clinic.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;

/** Replaces the weekly shifts on the days it covers: off (vacation) or other hours (extra day). */
record DateOverride(LocalDate firstDay, LocalDate lastDay, boolean available, LocalTime starts, LocalTime ends) {

    boolean covers(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }
}
