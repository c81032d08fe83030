package dev.sofia.clinic.receptionist.time;

import dev.sofia.clinic.scheduling.PartOfDay;
import org.jspecify.annotations.Nullable;

/** What one reading of an utterance found, before missing pieces are filled in. */
record Findings(
        @Nullable DateSpan days,
        @Nullable SpokenTime time,
        @Nullable PartOfDay partOfDay) {

    /** How much was understood; used to choose between readings when the language is unknown. */
    int pieces() {
        return (days == null ? 0 : 1) + (time == null ? 0 : 1) + (partOfDay == null ? 0 : 1);
    }

    boolean isEmpty() {
        return pieces() == 0;
    }
}
