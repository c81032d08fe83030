package dev.sofia.clinic.receptionist.time;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/** Names of weekdays and months in German (umlauts spelled out) and English, with abbreviations. */
final class CalendarWords {

    static final Map<String, DayOfWeek> GERMAN_WEEKDAYS = Map.of(
            "montag", DayOfWeek.MONDAY,
            "dienstag", DayOfWeek.TUESDAY,
            "mittwoch", DayOfWeek.WEDNESDAY,
            "donnerstag", DayOfWeek.THURSDAY,
            "freitag", DayOfWeek.FRIDAY,
            "samstag", DayOfWeek.SATURDAY,
            "sonnabend", DayOfWeek.SATURDAY,
            "sonntag", DayOfWeek.SUNDAY);

    static final Map<String, DayOfWeek> ENGLISH_WEEKDAYS = Map.of(
            "monday", DayOfWeek.MONDAY,
            "tuesday", DayOfWeek.TUESDAY,
            "wednesday", DayOfWeek.WEDNESDAY,
            "thursday", DayOfWeek.THURSDAY,
            "friday", DayOfWeek.FRIDAY,
            "saturday", DayOfWeek.SATURDAY,
            "sunday", DayOfWeek.SUNDAY);

    static final Map<String, Month> GERMAN_MONTHS = Map.ofEntries(
            Map.entry("januar", Month.JANUARY),
            Map.entry("jaenner", Month.JANUARY),
            Map.entry("jan", Month.JANUARY),
            Map.entry("februar", Month.FEBRUARY),
            Map.entry("feb", Month.FEBRUARY),
            Map.entry("maerz", Month.MARCH),
            Map.entry("mrz", Month.MARCH),
            Map.entry("april", Month.APRIL),
            Map.entry("apr", Month.APRIL),
            Map.entry("mai", Month.MAY),
            Map.entry("juni", Month.JUNE),
            Map.entry("jun", Month.JUNE),
            Map.entry("juli", Month.JULY),
            Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST),
            Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER),
            Map.entry("sept", Month.SEPTEMBER),
            Map.entry("sep", Month.SEPTEMBER),
            Map.entry("oktober", Month.OCTOBER),
            Map.entry("okt", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER),
            Map.entry("nov", Month.NOVEMBER),
            Map.entry("dezember", Month.DECEMBER),
            Map.entry("dez", Month.DECEMBER));

    static final Map<String, Month> ENGLISH_MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY),
            Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY),
            Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH),
            Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL),
            Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("june", Month.JUNE),
            Map.entry("jun", Month.JUNE),
            Map.entry("july", Month.JULY),
            Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST),
            Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER),
            Map.entry("sept", Month.SEPTEMBER),
            Map.entry("sep", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER),
            Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER),
            Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER),
            Map.entry("dec", Month.DECEMBER));

    private CalendarWords() {}

    /** A regex alternation of the names, longest first so "sept" wins over "sep". */
    static String alternation(Map<String, ?> names) {
        return names.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .collect(Collectors.joining("|", "(?:", ")"));
    }
}
