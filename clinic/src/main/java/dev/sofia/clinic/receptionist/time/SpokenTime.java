package dev.sofia.clinic.receptionist.time;

import dev.sofia.clinic.scheduling.PartOfDay;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * A clock time as said. {@code twelveHour} marks an hour that could be before or after noon ("um
 * drei", "at three"): written 1–12, without a leading zero and without am/pm.
 */
record SpokenTime(int hour, int minute, boolean twelveHour) {

    /** Hours a dental practice is closed; said without am/pm or a part of the day they mean 13–19. */
    private static final int LAST_AFTERNOON_HOUR = 7;

    private static final int HOURS_PER_HALF_DAY = 12;

    static @Nullable SpokenTime of(int hour, int minute, boolean writtenWithLeadingZero) {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        boolean twelveHour = !writtenWithLeadingZero && hour >= 1 && hour <= HOURS_PER_HALF_DAY;
        return new SpokenTime(hour, minute, twelveHour);
    }

    /** An hour as written ("9", "09", "14"), so a leading zero can mark the 24-hour clock. */
    static @Nullable SpokenTime of(String hourDigits, int minute) {
        return of(Integer.parseInt(hourDigits), minute, hourDigits.length() == 2 && hourDigits.startsWith("0"));
    }

    /** A time that cannot be misread: "mittags", "noon", "midnight". */
    static SpokenTime exactly(int hour, int minute) {
        return new SpokenTime(hour, minute, false);
    }

    /** "3 pm", "12 am": the hour is 1–12 and the suffix settles it. */
    static @Nullable SpokenTime meridiem(int hour, int minute, boolean afterNoon) {
        if (hour < 1 || hour > HOURS_PER_HALF_DAY) {
            return null;
        }
        if (minute < 0 || minute > 59) {
            return null;
        }
        return exactly(hour % HOURS_PER_HALF_DAY + (afterNoon ? HOURS_PER_HALF_DAY : 0), minute);
    }

    /**
     * The hour before the one said, for "halb zehn" (9:30) and "quarter to ten" (9:45); "halb eins"
     * is 12:30, as nobody books half past midnight.
     */
    static int hourBefore(int hour) {
        return hour == 1 ? HOURS_PER_HALF_DAY : Math.floorMod(hour - 1, 24);
    }

    /**
     * The time on the 24-hour clock: an ambiguous hour is afternoon or evening when the caller said
     * so ("um 8 abends" = 20:00); with no part of the day, hours 1–7 mean 13–19, because a dental
     * practice is not open at 3 a.m. — "um 8" stays 8:00.
     */
    LocalTime resolve(@Nullable PartOfDay partOfDay) {
        int resolved = hour;
        if (twelveHour && hour < HOURS_PER_HALF_DAY) {
            boolean laterPart = partOfDay == PartOfDay.AFTERNOON || partOfDay == PartOfDay.EVENING;
            if (laterPart || (partOfDay == null && hour <= LAST_AFTERNOON_HOUR)) {
                resolved += HOURS_PER_HALF_DAY;
            }
        }
        return LocalTime.of(resolved, minute);
    }
}
