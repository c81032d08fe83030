package dev.sofia.clinic.patients;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** How {@link Patients#search} reads what staff type: a date, a phone number, or words of a name. */
final class PatientSearch {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);
    private static final Pattern PHONE = Pattern.compile("[+\\d][\\d\\s()/.-]*");
    private static final int MIN_PHONE_DIGITS = 4;
    private static final int MAX_WORDS = 5;

    private PatientSearch() {}

    static Optional<LocalDate> date(String q) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(q, format));
            } catch (DateTimeParseException e) {
                // not this notation; try the next
            }
        }
        return Optional.empty();
    }

    /** The digits to look for in stored E.164 numbers, leading zeros (a national prefix) dropped. */
    static Optional<String> phoneDigits(String q) {
        if (!PHONE.matcher(q).matches()) {
            return Optional.empty();
        }
        String digits = q.replaceAll("\\D", "").replaceFirst("^0+", "");
        return digits.length() < MIN_PHONE_DIGITS ? Optional.empty() : Optional.of(digits);
    }

    /** The words of a name query; more than a handful are ignored, as no name has that many. */
    static List<String> words(String q) {
        return Arrays.stream(q.split("\\s+"))
                .filter(w -> !w.isEmpty())
                .limit(MAX_WORDS)
                .toList();
    }

    /** {@code word} for a LIKE pattern with the escape character backslash. */
    static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
