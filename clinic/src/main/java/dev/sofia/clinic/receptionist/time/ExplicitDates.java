package dev.sofia.clinic.receptionist.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import org.jspecify.annotations.Nullable;

/**
 * Dates named by their numbers: "12.11.2026", "den 12.11.", "am 3. März", "March 3rd", "3rd of
 * March", "am 1.", "on the 5th". Without a year, a date that has passed this year is next year's;
 * a day of the month alone is the next date with that day, today included, skipping months that
 * lack it. A year in the past is kept ("12.03.1985"): whoever asked decides what a birth date means.
 */
final class ExplicitDates {

    private static final String GERMAN_MONTH = CalendarWords.alternation(CalendarWords.GERMAN_MONTHS);
    private static final String ENGLISH_MONTH = CalendarWords.alternation(CalendarWords.ENGLISH_MONTHS);
    private static final String YEAR = "(?: (?<year>\\d{4}))?";
    private static final String ENGLISH_ORDINAL = "(?:st|nd|rd|th)";

    /** "12.11.", "12.11.2026", "12.11.26" — but "um 12.11" is a time, and so it stays. */
    private static final Rule<DateSpan> NUMERIC = Rule.of(
            "(?<!um |gegen |at )(?<day>\\d{1,2})\\.(?<month>\\d{1,2})\\.(?<year>\\d{4}|\\d{2})?",
            ExplicitDates::numeric);

    private static final Rule<DateSpan> GERMAN_DAY_MONTH =
            Rule.of("(?<day>\\d{1,2})\\.? (?<month>" + GERMAN_MONTH + ")" + YEAR, named(CalendarWords.GERMAN_MONTHS));

    /**
     * "am 5.", "den 1.", "zum 30." — only after such a word, and not "zum 1. Mal" or "den 2.
     * Termin", which count rather than date, nor the rest of a date that does not exist ("am 31.
     * Februar").
     */
    private static final Rule<DateSpan> GERMAN_DAY_ONLY = Rule.of(
            "(?:am|den|dem|zum|ab|bis|vom|der) (?<day>\\d{1,2})\\.(?! (?:mal|termin|zahn|kind|stock|platz|klasse|"
                    + GERMAN_MONTH + ")\\b)",
            ExplicitDates::dayOnly);

    private static final Rule<DateSpan> ENGLISH_MONTH_DAY = Rule.of(
            "(?<month>" + ENGLISH_MONTH + ") (?:the )?(?<day>\\d{1,2})" + ENGLISH_ORDINAL + "?" + YEAR,
            named(CalendarWords.ENGLISH_MONTHS));

    private static final Rule<DateSpan> ENGLISH_DAY_MONTH = Rule.of(
            "(?:the )?(?<day>\\d{1,2})" + ENGLISH_ORDINAL + "? (?:of )?(?<month>" + ENGLISH_MONTH + ")" + YEAR,
            named(CalendarWords.ENGLISH_MONTHS));

    /** "on the 5th" — but not "the 2nd week", "the 2nd appointment", nor "the 31st of February". */
    private static final Rule<DateSpan> ENGLISH_DAY_ONLY = Rule.of(
            "the (?<day>\\d{1,2})" + ENGLISH_ORDINAL
                    + "(?! (?:week|time|appointment|visit|opinion|tooth|floor|one|(?:of )?" + ENGLISH_MONTH + ")\\b)",
            ExplicitDates::dayOnly);

    /** "Freitag, den 13.": a Friday that is a 13th, if one of the next two 13ths is; else the 13th. */
    private static final Rule<DateSpan> GERMAN_WEEKDAY_AND_DAY = Rule.of(
            "(?<weekday>" + CalendarWords.alternation(CalendarWords.GERMAN_WEEKDAYS)
                    + ") (?:den |dem )?(?<day>\\d{1,2})\\.",
            (match, today) -> weekdayAndDay(match, today, CalendarWords.GERMAN_WEEKDAYS));

    /** "Friday the 13th", "Monday 22nd". */
    private static final Rule<DateSpan> ENGLISH_WEEKDAY_AND_DAY = Rule.of(
            "(?<weekday>" + CalendarWords.alternation(CalendarWords.ENGLISH_WEEKDAYS) + ") (?:the )?(?<day>\\d{1,2})"
                    + ENGLISH_ORDINAL,
            (match, today) -> weekdayAndDay(match, today, CalendarWords.ENGLISH_WEEKDAYS));

    static final List<Rule<DateSpan>> GERMAN =
            List.of(NUMERIC, GERMAN_DAY_MONTH, GERMAN_WEEKDAY_AND_DAY, GERMAN_DAY_ONLY);

    static final List<Rule<DateSpan>> ENGLISH =
            List.of(NUMERIC, ENGLISH_MONTH_DAY, ENGLISH_DAY_MONTH, ENGLISH_WEEKDAY_AND_DAY, ENGLISH_DAY_ONLY);

    private ExplicitDates() {}

    private static @Nullable DateSpan numeric(MatchResult match, LocalDate today) {
        return date(match, today, Integer.parseInt(match.group("month")));
    }

    private static Rule.Meaning<DateSpan> named(Map<String, Month> months) {
        return (match, today) ->
                date(match, today, months.get(match.group("month")).getValue());
    }

    private static @Nullable DateSpan date(MatchResult match, LocalDate today, int month) {
        int day = Integer.parseInt(match.group("day"));
        String year = match.group("year");
        LocalDate date = year == null
                ? CalendarRules.nextMonthDay(today, month, day)
                : CalendarRules.dateOrNull(CalendarRules.fullYear(year, today), month, day);
        return date == null ? null : DateSpan.day(date);
    }

    private static @Nullable DateSpan weekdayAndDay(
            MatchResult match, LocalDate today, Map<String, DayOfWeek> weekdays) {
        LocalDate date = CalendarRules.nextWeekdayOnDay(
                today, weekdays.get(match.group("weekday")), Integer.parseInt(match.group("day")));
        return date == null ? null : DateSpan.day(date);
    }

    private static @Nullable DateSpan dayOnly(MatchResult match, LocalDate today) {
        LocalDate date = CalendarRules.nextDayOfMonth(today, Integer.parseInt(match.group("day")));
        return date == null ? null : DateSpan.day(date);
    }
}
