package dev.sofia.clinic.receptionist.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.MatchResult;

/**
 * German days relative to today: "heute", "morgen", "übermorgen", weekdays with "nächsten",
 * "diesen", "übernächsten", weeks ("nächste Woche", "Anfang nächster Woche", "Ende der Woche"),
 * "am Wochenende", "nächsten Monat", "in drei Tagen", "in zwei Wochen", "Dienstag in einer Woche".
 *
 * <p>Readings: a bare weekday and "nächsten Dienstag" both mean the next Tuesday after today (said
 * on a Tuesday: in a week), while "Dienstag nächste Woche" is the Tuesday of next calendar week;
 * "diesen Freitag" includes today; "übernächsten Dienstag" and "Dienstag in einer Woche" are a week
 * after the next Tuesday. "In zwei Wochen" is the single day 14 days ahead. "Anfang" of a week is
 * Monday–Wednesday, "Mitte" Tuesday–Thursday, "Ende" Thursday–Friday (the practice's working week
 * ends on Friday). "Nächstes Wochenende" is the weekend of next week; "am/dieses/kommendes
 * Wochenende" the coming one.
 */
final class GermanDays {

    private static final String WEEKDAY = "(?<day>" + CalendarWords.alternation(CalendarWords.GERMAN_WEEKDAYS) + ")";

    /** Which week: "nächste(n/r)", "kommende(n/r)" = 1, "übernächste(n/r)" = 2, "diese(n/r)" = 0. */
    private static final String WHICH = "(?<which>(?:ueber)?naechste[nrs]?|kommende[nrs]?|diese[nrs]?)";

    /** "in einer Woche", "in 3 Tagen": from today, or after a day ("Dienstag in einer Woche"). */
    private static final String IN = "in (?<count>einer|einem|\\d{1,2}) (?<unit>tagen|tag|wochen|woche)";

    private static final String LATER = "(?: " + IN + ")?";

    private static final Rule<DateSpan> WEEK_THEN_WEEKDAY =
            Rule.of(WHICH + " woche (?:am )?" + WEEKDAY, GermanDays::weekdayOfWeek);

    private static final Rule<DateSpan> WEEKDAY_THEN_WEEK =
            Rule.of(WEEKDAY + " (?:in )?(?:der )?" + WHICH + " woche", GermanDays::weekdayOfWeek);

    private static final Rule<DateSpan> PART_OF_WEEK = Rule.of(
            "(?<position>anfang|mitte|ende) (?:der |des |dieser )?(?:" + WHICH + " )?woche", GermanDays::partOfWeek);

    private static final Rule<DateSpan> WEEK = Rule.of(WHICH + " woche", (match, today) -> weekOf(match, today));

    private static final Rule<DateSpan> WEEKEND = Rule.of(
            "(?:(?<which>(?:ueber)?naechste[nrs]?|kommende[nrs]?|diese[nrs]?|am|ueber das|uebers|zum) )?wochenende",
            (match, today) -> CalendarRules.weekend(today, weekendsAhead(match.group("which"))));

    private static final Rule<DateSpan> MONTH =
            Rule.of("(?:im )?" + WHICH + " monat", (match, today) -> CalendarRules.month(today, weeksAhead(match)));

    private static final Rule<DateSpan> DAY_AFTER_TOMORROW =
            Rule.of("uebermorgen" + LATER, (match, today) -> later(match, today.plusDays(2)));

    private static final Rule<DateSpan> WEEKDAY_ALONE = Rule.of(
            "(?:(?<modifier>(?:ueber)?naechste[nrs]?|kommende[nrs]?|diese[nrs]?) )?" + WEEKDAY + LATER,
            GermanDays::weekday);

    private static final Rule<DateSpan> TODAY = Rule.of("heute" + LATER, GermanDays::later);

    private static final Rule<DateSpan> TOMORROW =
            Rule.of("morgen" + LATER, (match, today) -> later(match, today.plusDays(1)));

    private static final Rule<DateSpan> IN_SOME_DAYS = Rule.of(IN, GermanDays::later);

    static final List<Rule<DateSpan>> RULES = List.of(
            WEEK_THEN_WEEKDAY,
            WEEKDAY_THEN_WEEK,
            PART_OF_WEEK,
            WEEK,
            WEEKEND,
            MONTH,
            DAY_AFTER_TOMORROW,
            WEEKDAY_ALONE,
            TODAY,
            TOMORROW,
            IN_SOME_DAYS);

    private GermanDays() {}

    private static int weeksAhead(MatchResult match) {
        String which = match.group("which");
        if (which == null || which.startsWith("diese")) {
            return 0;
        }
        return which.startsWith("ueber") ? 2 : 1;
    }

    /** "am/dieses/kommendes Wochenende" is the coming one; "nächstes" the one of next week. */
    private static int weekendsAhead(String which) {
        if (which == null || !which.contains("naechste")) {
            return 0;
        }
        return which.startsWith("ueber") ? 2 : 1;
    }

    private static DateSpan weekOf(MatchResult match, LocalDate today) {
        int weeks = weeksAhead(match);
        return weeks == 0
                ? CalendarRules.part(today, 0, DayOfWeek.MONDAY, DayOfWeek.SUNDAY)
                : CalendarRules.week(today, weeks);
    }

    private static DateSpan weekdayOfWeek(MatchResult match, LocalDate today) {
        DayOfWeek day = CalendarWords.GERMAN_WEEKDAYS.get(match.group("day"));
        return DateSpan.day(CalendarRules.weekdayOf(today, weeksAhead(match), day));
    }

    private static DateSpan partOfWeek(MatchResult match, LocalDate today) {
        int weeks = weeksAhead(match);
        return switch (match.group("position")) {
            case "anfang" -> CalendarRules.part(today, weeks, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
            case "mitte" -> CalendarRules.part(today, weeks, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
            default -> CalendarRules.part(today, weeks, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        };
    }

    private static DateSpan weekday(MatchResult match, LocalDate today) {
        DayOfWeek day = CalendarWords.GERMAN_WEEKDAYS.get(match.group("day"));
        String modifier = match.group("modifier");
        LocalDate date;
        if (modifier != null && modifier.startsWith("diese")) {
            date = CalendarRules.thisWeekday(today, day);
        } else {
            date = CalendarRules.nextWeekday(today, day);
            if (modifier != null && modifier.startsWith("ueber")) {
                date = date.plusWeeks(1);
            }
        }
        return later(match, date);
    }

    private static DateSpan later(MatchResult match, LocalDate day) {
        String count = match.group("count");
        if (count == null) {
            return DateSpan.day(day);
        }
        int number = count.startsWith("ein") ? 1 : Integer.parseInt(count);
        return DateSpan.day(CalendarRules.plus(day, number, match.group("unit").startsWith("woche")));
    }
}
