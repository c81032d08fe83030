package dev.sofia.clinic.receptionist.time;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * German number words (umlauts spelled out, as {@link Utterance#normalize} leaves them): cardinals
 * 1–59 for hours and minutes ("vierzehn Uhr dreißig"), ordinals 1–31 for days ("am
 * einunddreißigsten" → "am 31.").
 */
final class GermanNumbers {

    private static final List<String> UNITS =
            List.of("", "ein", "zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun");
    private static final List<String> TEENS = List.of(
            "zehn",
            "elf",
            "zwoelf",
            "dreizehn",
            "vierzehn",
            "fuenfzehn",
            "sechzehn",
            "siebzehn",
            "achtzehn",
            "neunzehn");
    private static final List<String> TENS = List.of("", "", "zwanzig", "dreissig", "vierzig", "fuenfzig");

    /** Ordinal stems 1–9; from 10 on the stem is the cardinal plus "t" (to 19) or "st". */
    private static final List<String> ORDINAL_UNITS =
            List.of("", "erst", "zweit", "dritt", "viert", "fuenft", "sechst", "siebt", "acht", "neunt");

    /** An ordinal always carries an ending ("dritten"), which keeps "acht" a cardinal. */
    private static final List<String> ORDINAL_ENDINGS = List.of("e", "en", "er", "es", "em");

    private static final int LAST_MINUTE = 59;
    private static final int LAST_DAY_OF_MONTH = 31;

    /** Built last: the tables above must be initialized first. */
    static final NumberWords WORDS = new NumberWords(table());

    private GermanNumbers() {}

    private static Map<String, String> table() {
        Map<String, String> table = new HashMap<>();
        for (int number = 1; number <= LAST_MINUTE; number++) {
            table.put(cardinal(number), Integer.toString(number));
        }
        table.put("eins", "1");
        table.put("eine", "1");
        table.put("zwo", "2");
        for (int day = 1; day <= LAST_DAY_OF_MONTH; day++) {
            for (String ending : ORDINAL_ENDINGS) {
                table.put(ordinalStem(day) + ending, day + ".");
            }
        }
        for (String ending : ORDINAL_ENDINGS) {
            table.put("siebent" + ending, "7.");
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
        return units == 0 ? tens : UNITS.get(units) + "und" + tens;
    }

    private static String ordinalStem(int day) {
        if (day < 10) {
            return ORDINAL_UNITS.get(day);
        }
        return cardinal(day) + (day < 20 ? "t" : "st");
    }
}
