package dev.sofia.clinic.receptionist.time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * English number words (hyphens are spaces after {@link Utterance#normalize}): cardinals 1–59 for
 * hours and minutes ("ten forty five"), ordinals 1–31 for days ("thirty first" → "31st").
 */
final class EnglishNumbers {

    private static final List<String> UNITS =
            List.of("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
    private static final List<String> TEENS = List.of(
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty");

    private static final List<String> ORDINAL_UNITS =
            List.of("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth");
    private static final List<String> ORDINAL_TENS = List.of("", "tenth", "twentieth", "thirtieth");

    private static final int LAST_MINUTE = 59;
    private static final int LAST_DAY_OF_MONTH = 31;

    /** Built last: the tables above must be initialized first. */
    static final NumberWords WORDS = new NumberWords(table());

    private EnglishNumbers() {}

    private static Map<String, String> table() {
        Map<String, String> table = new HashMap<>();
        for (int number = 1; number <= LAST_MINUTE; number++) {
            table.put(cardinal(number), Integer.toString(number));
        }
        for (int day = 1; day <= LAST_DAY_OF_MONTH; day++) {
            table.put(ordinal(day), day + suffix(day));
        }
        return table;
    }

    private static String cardinal(int number) {
        if (number < 10) {
            return UNITS.get(number);
        }
        if (number < 20) {
            return TEENS.get(number - 10);
        }
        int units = number % 10;
        String tens = TENS.get(number / 10);
        return units == 0 ? tens : tens + " " + UNITS.get(units);
    }

    private static String ordinal(int day) {
        int units = day % 10;
        if (day < 10) {
            return ORDINAL_UNITS.get(day);
        }
        if (day < 20) {
            return switch (day) {
                case 10 -> ORDINAL_TENS.get(1);
                case 12 -> "twelfth";
                default -> TEENS.get(day - 10) + "th";
            };
        }
        return units == 0 ? ORDINAL_TENS.get(day / 10) : TENS.get(day / 10) + " " + ORDINAL_UNITS.get(units);
    }

    /** "1st", "2nd", "3rd", "11th", "21st": how the digits are written, as the date rules expect. */
    static String suffix(int day) {
        if (day % 100 >= 11 && day % 100 <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
