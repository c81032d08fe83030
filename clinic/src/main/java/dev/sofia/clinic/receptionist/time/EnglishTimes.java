package dev.sofia.clinic.receptionist.time;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.MatchResult;
import org.jspecify.annotations.Nullable;

/**
 * English clock times: "3 pm", "3pm", "3:30 pm", "15:00", "at ten", "ten thirty", "3 o'clock",
 * "half past nine", "quarter past two", "quarter to ten", "twenty past ten", "ten to three", "half
 * nine" (British, 9:30), "noon". A bare number is never a time: "in 2 to 3 days" is not 2:57.
 */
final class EnglishTimes {

    private static final String HOUR = "(?<hour>\\d{1,2})";
    private static final String MINUTES = "(?<minutes>\\d{1,2})";
    private static final String TWO_DIGIT_MINUTES = "(?<minutes>\\d{2})";
    private static final int HALF = 30;
    private static final int QUARTER = 15;
    private static final int THREE_QUARTERS = 45;
    private static final int MINUTES_PER_HOUR = 60;

    /** Words after "at 2" that make it a quantity, not a time. */
    private static final String NOT_A_TIME_AFTER =
            "(?! (?:days?|weeks?|months?|years?|hours?|minutes|people|persons|teeth|tooth|percent|dollars|euros?))";

    /** "from 2 to 4" is a range of hours, not 3:58. */
    private static final String NOT_A_RANGE = "(?<!from |between )";

    static final List<Rule<SpokenTime>> RULES = List.of(
            Rule.of(HOUR + "(?:[:. ]" + TWO_DIGIT_MINUTES + ")? ?(?<meridiem>am|pm)", EnglishTimes::meridiem),
            Rule.of(HOUR + " oclock", (match, today) -> ClockGroups.at(match, 0)),
            Rule.of("half past " + HOUR, (match, today) -> ClockGroups.at(match, HALF)),
            Rule.of("(?:a )?quarter (?:past|after) " + HOUR, (match, today) -> ClockGroups.at(match, QUARTER)),
            Rule.of(
                    "(?:a )?quarter (?:to|before|of) " + HOUR,
                    (match, today) -> ClockGroups.inHourBefore(match, THREE_QUARTERS)),
            Rule.of(
                    NOT_A_RANGE + MINUTES + " (?:minutes )?(?:past|after) " + HOUR + NOT_A_TIME_AFTER,
                    EnglishTimes::minutesPast),
            Rule.of(
                    NOT_A_RANGE + MINUTES + " (?:minutes )?(?:to|before) " + HOUR + NOT_A_TIME_AFTER,
                    EnglishTimes::minutesTo),
            Rule.of("half " + HOUR, (match, today) -> ClockGroups.at(match, HALF)),
            Rule.of(HOUR + ":" + TWO_DIGIT_MINUTES, EnglishTimes::clock),
            Rule.of(
                    "(?:at|around|about|by|after|before|from|until|till) " + HOUR + "(?:[. ]" + TWO_DIGIT_MINUTES + ")?"
                            + NOT_A_TIME_AFTER,
                    EnglishTimes::clock),
            // "ten thirty": two numbers, but not two pairs out of a phone number ("0151 23 45 67").
            Rule.of("(?<!\\d )" + HOUR + " (?<minutes>[0-5]\\d)(?! \\d)" + NOT_A_TIME_AFTER, EnglishTimes::clock),
            Rule.of("(?:at )?(?:noon|midday|lunchtime|lunch time)", (match, today) -> SpokenTime.exactly(12, 0)),
            Rule.of("(?:at )?midnight", (match, today) -> SpokenTime.exactly(0, 0)));

    private EnglishTimes() {}

    private static @Nullable SpokenTime clock(MatchResult match, LocalDate today) {
        return ClockGroups.clock(match);
    }

    private static @Nullable SpokenTime meridiem(MatchResult match, LocalDate today) {
        String minutes = match.group("minutes");
        return SpokenTime.meridiem(
                Integer.parseInt(match.group("hour")),
                minutes == null ? 0 : Integer.parseInt(minutes),
                "pm".equals(match.group("meridiem")));
    }

    private static @Nullable SpokenTime minutesPast(MatchResult match, LocalDate today) {
        int minutes = Integer.parseInt(match.group("minutes"));
        return minutes < 1 || minutes >= HALF ? null : ClockGroups.at(match, minutes);
    }

    private static @Nullable SpokenTime minutesTo(MatchResult match, LocalDate today) {
        int minutes = Integer.parseInt(match.group("minutes"));
        return minutes < 1 || minutes >= HALF ? null : ClockGroups.inHourBefore(match, MINUTES_PER_HOUR - minutes);
    }
}
