package dev.sofia.clinic.receptionist.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.MatchResult;

/**
 * English days relative to today: "today", "tomorrow", "the day after tomorrow", weekdays with
 * "next", "this", "coming", "after next", "a week from", weeks ("next week", "early next week",
 * "end of the week", "the week after next"), "the weekend", "next month", "in 3 days", "in two
 * weeks".
 *
 * <p>The readings match {@link GermanDays}: "Tuesday" and "next Tuesday" are the next Tuesday after
 * today; "next week Tuesday" / "Tuesday next week" the Tuesday of next calendar week (weeks run
 * Monday–Sunday); "this Friday" includes today; "Tuesday after next", "a week from Tuesday" and
 * "Tuesday week" are a week after the next Tuesday; "in two weeks" is the day 14 days ahead;
 * "early" = Monday–Wednesday, "mid" = Tuesday–Thursday, "end of"/"late" = Thursday–Friday;
 * "next weekend" is the weekend of next week, "the weekend" / "this weekend" the coming one.
 */
final class EnglishDays {

    private static final String WEEKDAY = "(?<day>" + CalendarWords.alternation(CalendarWords.ENGLISH_WEEKDAYS) + ")";

    /** Which week: "this week" = 0, "next week" / "the following week" = 1, "week after next" = 2. */
    private static final String WHICH_WEEK =
            "(?<which>this week|next week|the following week|following week|the week after next|week after next)";

    private static final String COUNT = "(?<count>a|an|\\d{1,2}) (?<unit>days?|weeks?)";

    private static final Rule<DateSpan> WEEK_THEN_WEEKDAY =
            Rule.of(WHICH_WEEK + " (?:on )?" + WEEKDAY, EnglishDays::weekdayOfWeek);

    private static final Rule<DateSpan> WEEKDAY_THEN_WEEK =
            Rule.of(WEEKDAY + " (?:of )?" + WHICH_WEEK, EnglishDays::weekdayOfWeek);

    private static final Rule<DateSpan> PART_OF_WEEK = Rule.of(
            "(?<position>early|beginning of|start of|mid|middle of|late|later|end of) (?:in )?(?:the |this )?"
                    + "(?:(?<which>next|following) )?week",
            EnglishDays::partOfWeek);

    private static final Rule<DateSpan> WEEK_AFTER_NEXT =
            Rule.of("(?:the )?week after next", (match, today) -> CalendarRules.week(today, 2));

    private static final Rule<DateSpan> NEXT_WEEK =
            Rule.of("(?:the following|following|next) week", (match, today) -> CalendarRules.week(today, 1));

    private static final Rule<DateSpan> THIS_WEEK =
            Rule.of("this week", (match, today) -> CalendarRules.part(today, 0, DayOfWeek.MONDAY, DayOfWeek.SUNDAY));

    private static final Rule<DateSpan> WEEKEND = Rule.of(
            "(?:(?<which>next|this|coming|the) )?weekend(?<afterNext> after next)?",
            (match, today) -> CalendarRules.weekend(today, weekendsAhead(match)));

    private static final Rule<DateSpan> MONTH = Rule.of(
            "(?<which>this|next) month",
            (match, today) -> CalendarRules.month(today, "next".equals(match.group("which")) ? 1 : 0));

    private static final Rule<DateSpan> SOME_TIME_FROM = Rule.of(
            COUNT + " from (?:(?<base>today|tomorrow)|(?:(?<modifier>next|this|coming) )?" + WEEKDAY + ")",
            EnglishDays::someTimeFrom);

    private static final Rule<DateSpan> DAY_AFTER_TOMORROW =
            Rule.of("(?:the )?day after tomorrow", (match, today) -> DateSpan.day(today.plusDays(2)));

    private static final Rule<DateSpan> WEEKDAY_ALONE = Rule.of(
            "(?:the )?(?:(?<modifier>next|this|coming) )?" + WEEKDAY + "(?<afterNext> after next| week)?",
            (match, today) -> {
                LocalDate date = weekday(match, today);
                return DateSpan.day(match.group("afterNext") == null ? date : date.plusWeeks(1));
            });

    private static final Rule<DateSpan> TODAY = Rule.of("today", (match, today) -> DateSpan.day(today));

    private static final Rule<DateSpan> TOMORROW =
            Rule.of("tomorrow", (match, today) -> DateSpan.day(today.plusDays(1)));

    private static final Rule<DateSpan> IN_SOME_DAYS = Rule.of(
            "in (?:" + COUNT + "|(?<fortnight>a fortnight))",
            (match, today) ->
                    DateSpan.day(match.group("fortnight") != null ? today.plusWeeks(2) : later(match, today)));

    static final List<Rule<DateSpan>> RULES = List.of(
            WEEK_THEN_WEEKDAY,
            WEEKDAY_THEN_WEEK,
            PART_OF_WEEK,
            WEEK_AFTER_NEXT,
            NEXT_WEEK,
            THIS_WEEK,
            WEEKEND,
            MONTH,
            SOME_TIME_FROM,
            DAY_AFTER_TOMORROW,
            WEEKDAY_ALONE,
            TODAY,
            TOMORROW,
            IN_SOME_DAYS);

    private EnglishDays() {}

    private static int weeksAhead(String which) {
        if (which.endsWith("after next")) {
            return 2;
        }
        return which.startsWith("this") ? 0 : 1;
    }

    private static int weekendsAhead(MatchResult match) {
        if (match.group("afterNext") != null) {
            return 2;
        }
        return "next".equals(match.group("which")) ? 1 : 0;
    }

    private static DateSpan weekdayOfWeek(MatchResult match, LocalDate today) {
        DayOfWeek day = CalendarWords.ENGLISH_WEEKDAYS.get(match.group("day"));
        return DateSpan.day(CalendarRules.weekdayOf(today, weeksAhead(match.group("which")), day));
    }

    private static DateSpan partOfWeek(MatchResult match, LocalDate today) {
        int weeks = match.group("which") == null ? 0 : 1;
        return switch (match.group("position")) {
            case "early", "beginning of", "start of" ->
                CalendarRules.part(today, weeks, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
            case "mid", "middle of" -> CalendarRules.part(today, weeks, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
            default -> CalendarRules.part(today, weeks, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        };
    }

    private static LocalDate weekday(MatchResult match, LocalDate today) {
        DayOfWeek day = CalendarWords.ENGLISH_WEEKDAYS.get(match.group("day"));
        return "this".equals(match.group("modifier"))
                ? CalendarRules.thisWeekday(today, day)
                : CalendarRules.nextWeekday(today, day);
    }

    private static DateSpan someTimeFrom(MatchResult match, LocalDate today) {
        String base = match.group("base");
        LocalDate from;
        if (base == null) {
            from = weekday(match, today);
        } else {
            from = "tomorrow".equals(base) ? today.plusDays(1) : today;
        }
        return DateSpan.day(later(match, from));
    }

    private static LocalDate later(MatchResult match, LocalDate day) {
        String count = match.group("count");
        int number = count.startsWith("a") ? 1 : Integer.parseInt(count);
        return CalendarRules.plus(day, number, match.group("unit").startsWith("week"));
    }
}
