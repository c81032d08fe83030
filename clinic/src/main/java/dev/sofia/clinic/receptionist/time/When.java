package dev.sofia.clinic.receptionist.time;

import dev.sofia.clinic.scheduling.PartOfDay;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a caller wants to come: the local dates from..to (inclusive; the same day for a single day),
 * an exact local time or null, and a part of the day or null.
 *
 * <p>Both a time and a part of the day may be set ("um 3 nachmittags"): the time has already been
 * read in the light of the part (15:00), the part is kept as said so a slot search may use it.
 */
public record When(
        LocalDate from,
        LocalDate to,
        @Nullable LocalTime time,
        @Nullable PartOfDay partOfDay) {

    public When {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
    }

    public boolean isSingleDay() {
        return from.equals(to);
    }

    /**
     * The instant meant when a single day and an exact time are both known.
     *
     * <p>Uses {@link ZonedDateTime#of}: a time inside a spring-forward gap (02:30 on the last Sunday
     * of March in Berlin does not exist) moves forward by the length of the gap (03:30 summer time);
     * a time inside the autumn overlap (02:30 happens twice) takes the earlier offset (summer time).
     * A practice is closed at these hours, so the simple, predictable rule is enough.
     */
    public Optional<ZonedDateTime> at(ZoneId zone) {
        if (!isSingleDay() || time == null) {
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.of(from, time, zone));
    }
}
