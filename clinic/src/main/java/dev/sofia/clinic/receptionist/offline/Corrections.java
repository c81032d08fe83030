package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.offline.DialogState.Offer;
import dev.sofia.clinic.receptionist.time.When;
import java.time.LocalTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A caller's correction merged into what they asked for before: "nein, lieber Donnerstag" changes
 * the day and keeps the time; "actually make it the afternoon" changes the part of the day and
 * keeps the day; "lieber später" looks a little later than what was offered. The treatment and
 * the doctor are not touched here: they stay.
 */
final class Corrections {

    private static final int SHIFT_HOURS = 2;

    private Corrections() {}

    /** The new wish over the old one; {@code daySaid}: whether the new words name a day. */
    static When merge(@Nullable When old, When corrected, boolean daySaid) {
        if (old == null) {
            return corrected;
        }
        boolean newDay = daySaid;
        LocalTime time =
                corrected.time() != null ? corrected.time() : corrected.partOfDay() != null ? null : old.time();
        var part = corrected.partOfDay() != null
                ? corrected.partOfDay()
                : corrected.time() != null ? null : old.partOfDay();
        return new When(newDay ? corrected.from() : old.from(), newDay ? corrected.to() : old.to(), time, part);
    }

    /** "später" / "later" / "früher" / "earlier": the same day, a preferred time two hours off. */
    static Optional<When> shift(String text, @Nullable When when, @Nullable Offer reference) {
        String n = Words.normalize(text);
        int direction = n.contains(" später ") || n.contains(" later ") || n.contains(" spaeter ")
                ? 1
                : n.contains(" früher ") || n.contains(" earlier ") || n.contains(" frueher ") ? -1 : 0;
        if (direction == 0 || (when == null && reference == null)) {
            return Optional.empty();
        }
        LocalTime base = reference != null ? reference.time() : when.time() != null ? when.time() : LocalTime.NOON;
        LocalTime shifted = base.plusHours((long) direction * SHIFT_HOURS);
        if ((direction > 0 && shifted.isBefore(base)) || (direction < 0 && shifted.isAfter(base))) {
            shifted = direction > 0 ? LocalTime.of(23, 0) : LocalTime.of(6, 0);
        }
        var day = reference != null ? reference.date() : when.from();
        var last = when != null && !when.to().isBefore(day) ? when.to() : day;
        return Optional.of(new When(day, last, shifted, null));
    }
}
