package dev.sofia.clinic.receptionist.time;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.MatchResult;
import org.jspecify.annotations.Nullable;

/**
 * German clock times: "um 9", "9 Uhr", "9:30", "9.30 Uhr", "14 Uhr 30", "halb zehn" (9:30),
 * "viertel nach neun" (9:15), "viertel vor zehn" and "dreiviertel zehn" (9:45), "viertel zehn"
 * (9:15, as in the south and east), "zehn nach neun", "fünf vor halb zehn" (9:25), "mittags"
 * (12:00). A bare number is never a time: "zwei Zähne" is not, nor "um" alone, nor "um 2 Wochen".
 */
final class GermanTimes {

    private static final String HOUR = "(?<hour>\\d{1,2})";
    private static final String MINUTES = "(?<minutes>\\d{1,2})";
    private static final String TWO_DIGIT_MINUTES = "(?<minutes>\\d{2})";
    private static final int HALF = 30;
    private static final int QUARTER = 15;
    private static final int THREE_QUARTERS = 45;
    private static final int MINUTES_PER_HOUR = 60;

    /** Words after "um 2" that make it a quantity ("um 2 Wochen verschieben"), not a time. */
    private static final String NOT_A_TIME_AFTER = "(?! (?:tagen?|tage|wochen?|monate?n?|jahre?n?|minuten|stunden?"
            + "|prozent|euro|zaehne|zahn|leute|personen|kinder|patienten))";

    static final List<Rule<SpokenTime>> RULES = List.of(
            Rule.of(MINUTES + " (?:minuten )?vor halb " + HOUR, (match, today) -> aroundHalf(match, -1)),
            Rule.of(MINUTES + " (?:minuten )?nach halb " + HOUR, (match, today) -> aroundHalf(match, 1)),
            Rule.of("(?:dreiviertel|3 viertel) " + HOUR, (match, today) -> hourBefore(match, THREE_QUARTERS)),
            Rule.of("viertel nach " + HOUR, (match, today) -> ClockGroups.at(match, QUARTER)),
            Rule.of("viertel vor " + HOUR, (match, today) -> hourBefore(match, THREE_QUARTERS)),
            Rule.of("viertel " + HOUR, (match, today) -> hourBefore(match, QUARTER)),
            Rule.of("halb " + HOUR, (match, today) -> hourBefore(match, HALF)),
            Rule.of(MINUTES + " (?:minuten )?nach " + HOUR, GermanTimes::minutesPast),
            Rule.of(MINUTES + " (?:minuten )?vor " + HOUR, GermanTimes::minutesTo),
            Rule.of(HOUR + ":" + TWO_DIGIT_MINUTES + "(?: uhr)?", GermanTimes::clock),
            Rule.of(HOUR + "\\." + TWO_DIGIT_MINUTES + " uhr", GermanTimes::clock),
            Rule.of("(?:um|gegen|ab) " + HOUR + "\\." + TWO_DIGIT_MINUTES, GermanTimes::clock),
            Rule.of(HOUR + " uhr(?: " + MINUTES + ")?", GermanTimes::clock),
            Rule.of(
                    "(?:um|gegen|ab) " + HOUR + "(?: " + TWO_DIGIT_MINUTES + ")?" + NOT_A_TIME_AFTER,
                    GermanTimes::clock),
            Rule.of(
                    "(?:zu |ueber |um )?(?:mittags?|mittagszeit|mittagspause)",
                    (match, today) -> SpokenTime.exactly(12, 0)),
            Rule.of("(?:um )?mitternacht", (match, today) -> SpokenTime.exactly(0, 0)));

    private GermanTimes() {}

    private static @Nullable SpokenTime clock(MatchResult match, LocalDate today) {
        return ClockGroups.clock(match);
    }

    /** "halb zehn" and its kin count towards the next hour: the time is in the hour before. */
    private static @Nullable SpokenTime hourBefore(MatchResult match, int minute) {
        return ClockGroups.inHourBefore(match, minute);
    }

    private static @Nullable SpokenTime aroundHalf(MatchResult match, int direction) {
        int minutes = Integer.parseInt(match.group("minutes"));
        return minutes < 1 || minutes >= HALF ? null : hourBefore(match, HALF + direction * minutes);
    }

    private static @Nullable SpokenTime minutesPast(MatchResult match, LocalDate today) {
        int minutes = Integer.parseInt(match.group("minutes"));
        return minutes < 1 || minutes >= HALF ? null : ClockGroups.at(match, minutes);
    }

    private static @Nullable SpokenTime minutesTo(MatchResult match, LocalDate today) {
        int minutes = Integer.parseInt(match.group("minutes"));
        return minutes < 1 || minutes >= HALF ? null : hourBefore(match, MINUTES_PER_HOUR - minutes);
    }
}
