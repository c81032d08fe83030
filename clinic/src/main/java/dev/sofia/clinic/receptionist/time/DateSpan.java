package dev.sofia.clinic.receptionist.time;

import java.time.LocalDate;

/** The days a phrase names, from..to inclusive. */
record DateSpan(LocalDate from, LocalDate to) {

    static DateSpan day(LocalDate day) {
        return new DateSpan(day, day);
    }
}
