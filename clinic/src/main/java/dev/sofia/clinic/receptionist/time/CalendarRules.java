package dev.sofia.clinic.receptionist.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import org.jspecify.annotations.Nullable;

/**
 * Calendar arithmetic behind the phrases. Weeks run Monday to Sunday in both languages (ISO 8601,
 * as German callers and German calendars count them), also for English callers.
 */
final class CalendarRules {

    private static final int DAYS_PER_WEEK = 7;

    /** How far ahead a year-less "29. Februar" may be looked for: the next leap year is within 8. */
    private static final int YEARS_TO_SEARCH = 8;

    private static final int MONTHS_TO_SEARCH = 12;

    private static final int CENTURY = 100;

    /** A two-digit year up to this many years ahead is in this century, otherwise the last one. */
    private static final int TWO_DIGIT_YEARS_AHEAD = 10;

    private CalendarRules() {}

    /** The next such weekday strictly after today: "Dienstag" said on a Tuesday is a week ahead. */
    static LocalDate nextWeekday(LocalDate today, DayOfWeek day) {
        return today.with(TemporalAdjusters.next(day));
    }

    /** "diesen Freitag" / "this Friday": the coming one, today included. */
    static LocalDate thisWeekday(LocalDate today, DayOfWeek day) {
        return today.with(TemporalAdjusters.nextOrSame(day));
    }

    /** Monday of this week (0), next week (1), the week after next (2). */
    static LocalDate mondayOf(LocalDate today, int weeksAhead) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(weeksAhead);
    }

    static LocalDate weekdayOf(LocalDate today, int weeksAhead, DayOfWeek day) {
        return mondayOf(today, weeksAhead).plusDays(day.getValue() - 1L);
    }

    static DateSpan week(LocalDate today, int weeksAhead) {
        return part(today, weeksAhead, DayOfWeek.MONDAY, DayOfWeek.SUNDAY);
    }

    /**
     * Some days of a week ("Anfang nächster Woche" = Monday–Wednesday). In this week (0) the span
     * starts no earlier than today; if it is already over, the same days of next week are meant.
     */
    static DateSpan part(LocalDate today, int weeksAhead, DayOfWeek first, DayOfWeek last) {
        LocalDate from = weekdayOf(today, weeksAhead, first);
        LocalDate to = weekdayOf(today, weeksAhead, last);
        if (weeksAhead == 0 && to.isBefore(today)) {
            return part(today, 1, first, last);
        }
        return new DateSpan(from.isBefore(today) ? today : from, to);
    }

    static DateSpan weekend(LocalDate today, int weeksAhead) {
        return part(today, weeksAhead, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    }

    /** This month (0) from today on, or all of next month (1). */
    static DateSpan month(LocalDate today, int monthsAhead) {
        YearMonth month = YearMonth.from(today).plusMonths(monthsAhead);
        return new DateSpan(monthsAhead == 0 ? today : month.atDay(1), month.atEndOfMonth());
    }

    static LocalDate plus(LocalDate day, int count, boolean weeks) {
        return day.plusDays((long) count * (weeks ? DAYS_PER_WEEK : 1));
    }

    /**
     * "am 30." said on 31 January: the next date with that day of the month, today included,
     * skipping months that do not have it (February) — 30 March.
     */
    static @Nullable LocalDate nextDayOfMonth(LocalDate today, int day) {
        for (int ahead = 0; ahead <= MONTHS_TO_SEARCH; ahead++) {
            YearMonth month = YearMonth.from(today).plusMonths(ahead);
            if (month.isValidDay(day) && !month.atDay(day).isBefore(today)) {
                return month.atDay(day);
            }
        }
        return null;
    }

    /**
     * "Freitag, den 13.": of the next two dates with that day of the month (today included), the
     * first that falls on that weekday; null if neither does, and then the day number alone counts
     * (callers misname weekdays more often than they plan months ahead, and the date is read back).
     */
    static @Nullable LocalDate nextWeekdayOnDay(LocalDate today, DayOfWeek weekday, int day) {
        LocalDate first = nextDayOfMonth(today, day);
        if (first == null || first.getDayOfWeek() == weekday) {
            return first;
        }
        LocalDate second = nextDayOfMonth(first.plusDays(1), day);
        return second != null && second.getDayOfWeek() == weekday ? second : null;
    }

    /** A date said without a year: this year, unless it has passed — then next year (or later). */
    static @Nullable LocalDate nextMonthDay(LocalDate today, int month, int day) {
        for (int year = today.getYear(); year <= today.getYear() + YEARS_TO_SEARCH; year++) {
            LocalDate date = dateOrNull(year, month, day);
            if (date != null && !date.isBefore(today)) {
                return date;
            }
        }
        return null;
    }

    static @Nullable LocalDate dateOrNull(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** "12.11.26" is 2026; "12.03.85" is 1985: at most ten years ahead, else the last century. */
    static int fullYear(String digits, LocalDate today) {
        int year = Integer.parseInt(digits);
        if (digits.length() > 2) {
            return year;
        }
        int century = today.getYear() / CENTURY * CENTURY;
        int candidate = century + year;
        return candidate > today.getYear() + TWO_DIGIT_YEARS_AHEAD ? candidate - CENTURY : candidate;
    }
}
