package dev.sofia.clinic.receptionist.time;

import java.util.regex.MatchResult;
import org.jspecify.annotations.Nullable;

/**
 * Reads the groups the time rules share: {@code hour} (always there) and {@code minutes} (optional
 * or absent, then 0). Kept here so German and English rules build times the same way.
 */
final class ClockGroups {

    private static final String HOUR = "hour";
    private static final String MINUTES = "minutes";

    private ClockGroups() {}

    /** "9:30", "um 9", "14 Uhr 30": the hour as written, the minutes if said. */
    static @Nullable SpokenTime clock(MatchResult match) {
        boolean hasMinutes = match.namedGroups().containsKey(MINUTES) && match.group(MINUTES) != null;
        return at(match, hasMinutes ? Integer.parseInt(match.group(MINUTES)) : 0);
    }

    static @Nullable SpokenTime at(MatchResult match, int minute) {
        return SpokenTime.of(match.group(HOUR), minute);
    }

    /** "halb zehn", "quarter to ten": the said hour is the next one, the time is in the one before. */
    static @Nullable SpokenTime inHourBefore(MatchResult match, int minute) {
        return SpokenTime.of(SpokenTime.hourBefore(Integer.parseInt(match.group(HOUR))), minute, false);
    }
}
