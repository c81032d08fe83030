package dev.sofia.clinic.patients;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** How {@link Patients#search} reads the words staff type: dates, phone numbers, parts of names. */
final class PatientSearch {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);
    /** A number or part of one: digits, perhaps a leading +, and the usual separators. */
    private static final Pattern PHONE_PART = Pattern.compile("\\+?[\\d/()\\-]*\\d[\\d/()\\-]*");
    /** The longest query looked at, and the most words; no name or number needs more. */
    private static final int MAX_QUERY = 100;

    private static final int MAX_WORDS = 6;

    private PatientSearch() {}

    static List<String> words(String query) {
        String text = query.strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        return Arrays.stream(text.split("[\\s,;]+"))
                .filter(w -> !w.isEmpty())
                .limit(MAX_WORDS)
                .toList();
    }

    static Optional<LocalDate> date(String word) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(word, format));
            } catch (DateTimeParseException e) {
                // not this notation; try the next
            }
        }
        return Optional.empty();
    }

    static boolean isPhonePart(String word) {
        return PHONE_PART.matcher(word).matches();
    }

    /**
     * The digits to look for in the stored E.164 number: a leading 00 or + is the international
     * prefix, a leading single 0 the German trunk prefix (so 0151… finds +49151…).
     */
    static String phoneDigits(String word) {
        String digits = word.replaceAll("\\D", "");
        if (word.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        if (digits.startsWith("0") && digits.length() > 1) {
            return "49" + digits.substring(1);
        }
        return digits;
    }

    /** {@code word} for a LIKE pattern with the escape character backslash. */
    static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
