package dev.sofia.clinic.receptionist.time;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The text being read. Every phrase that has been understood is blanked out, so a date is never
 * read a second time as a time ("12.11." is not 12:11) and a rule cannot reach across a phrase.
 */
final class Utterance {

    private static final Pattern MERIDIEM_WITH_DOTS = Pattern.compile("\\b([ap])\\.\\s?m\\.");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
    private static final Pattern NOT_TEXT = Pattern.compile("[^a-z0-9:. ]");
    private static final Pattern DOT_AFTER_NO_DIGIT = Pattern.compile("(?<!\\d)\\.");
    private static final Pattern COLON_NOT_IN_TIME = Pattern.compile("(?<!\\d):|:(?!\\d)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private String text;

    Utterance(String normalizedText) {
        this.text = normalizedText;
    }

    /**
     * Lower case, umlauts spelled out (ä → ae, ß → ss, so "naechste" and "nächste" are one word),
     * "p.m." → "pm", ISO dates → "dd.mm.yyyy", other punctuation → spaces. Dots stay only after a
     * digit ("3. März", "12.11.", "9.30 Uhr") and colons only between digits.
     */
    static String normalize(String raw) {
        String text = raw.toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        text = MERIDIEM_WITH_DOTS.matcher(text).replaceAll("$1m");
        text = ISO_DATE.matcher(text).replaceAll("$3.$2.$1");
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = NOT_TEXT.matcher(text).replaceAll(" ");
        text = DOT_AFTER_NO_DIGIT.matcher(text).replaceAll(" ");
        text = COLON_NOT_IN_TIME.matcher(text).replaceAll(" ");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    String text() {
        return text;
    }

    void rewrite(Pattern pattern, String replacement) {
        text = pattern.matcher(text).replaceAll(replacement);
    }

    void rewrite(NumberWords numbers) {
        text = numbers.toDigits(text);
    }

    /**
     * The meaning of the first rule (in list order) that matches somewhere; that match is blanked
     * out. Rules come most specific first: "nächste Woche Donnerstag" before "nächste Woche".
     */
    <T> @Nullable T take(List<Rule<T>> rules, LocalDate today) {
        for (Rule<T> rule : rules) {
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                T meaning = rule.meaning().of(matcher.toMatchResult(), today);
                if (meaning != null) {
                    blank(matcher.start(), matcher.end());
                    return meaning;
                }
            }
        }
        return null;
    }

    private void blank(int start, int end) {
        text = text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
    }
}
