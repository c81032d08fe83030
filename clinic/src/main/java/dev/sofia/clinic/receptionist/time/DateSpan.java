package dev.sofia.clinic.receptionist.time;

import java.time.LocalDate;

/** The days a phrase names, from..to inclusive. */
record DateSpan(LocalDate from, LocalDate to) {

    static DateSpan day(LocalDate day) {
        return new DateSpan(day, day);
    }

    /** Both spans and the days between: "Dienstag oder Mittwoch", "Monday to Wednesday". */
    DateSpan cover(DateSpan other) {
        return new DateSpan(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
    }
}
