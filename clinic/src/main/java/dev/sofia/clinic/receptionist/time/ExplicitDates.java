package dev.sofia.clinic.receptionist.time;

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

    private static final Rule<DateSpan> ENGLISH_DAY_ONLY = Rule.of(
            "the (?<day>\\d{1,2})" + ENGLISH_ORDINAL + "(?! (?:of )?" + ENGLISH_MONTH + "\\b)", ExplicitDates::dayOnly);

    static final List<Rule<DateSpan>> GERMAN = List.of(NUMERIC, GERMAN_DAY_MONTH, GERMAN_DAY_ONLY);

    static final List<Rule<DateSpan>> ENGLISH =
            List.of(NUMERIC, ENGLISH_MONTH_DAY, ENGLISH_DAY_MONTH, ENGLISH_DAY_ONLY);

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

    private static @Nullable DateSpan dayOnly(MatchResult match, LocalDate today) {
        LocalDate date = CalendarRules.nextDayOfMonth(today, Integer.parseInt(match.group("day")));
        return date == null ? null : DateSpan.day(date);
    }
}
