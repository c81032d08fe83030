package dev.sofia.clinic.receptionist.offline;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Small text helpers the keyword tables share: callers' words are compared in lower case, with
 * punctuation turned into spaces, so "Ja, genau!" and "ja genau" read the same.
 */
final class Words {

    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}':+]+");

    private Words() {}

    /** " ja genau " — lower case, single spaces, padded, so a keyword can be matched as " ja ". */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return " "
                + PUNCTUATION
                        .matcher(lower)
                        .replaceAll(" ")
                        .replaceAll("\\s+", " ")
                        .strip() + " ";
    }

    static List<String> tokens(String text) {
        String n = normalize(text).strip();
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /**
     * Whether the normalized text holds one of the keys. A key with spaces around it (" ja ") must
     * be a whole word; a key without them matches inside words ("schmerz" in "zahnschmerzen").
     */
    static boolean any(String normalized, Set<String> keys) {
        for (String key : keys) {
            if (normalized.contains(key)) {
                return true;
            }
        }
        return false;
    }

    static int count(String normalized, Set<String> keys) {
        int n = 0;
        for (String key : keys) {
            if (normalized.contains(key)) {
                n++;
            }
        }
        return n;
    }
}
