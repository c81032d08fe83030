package dev.sofia.clinic.receptionist.offline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A caller's name and date of birth as they say it: "Mustermann, geboren am 14.5.1980", "Max
 * Mustermann, 14. Mai 1980", "my name is John Smith, born 23 January 1990", "May 14th 1980".
 * Birth dates are read by a small parser of their own (day, month, four-digit year, in any of the
 * usual orders) because the appointment parser reads dates forward from today. {@code rest} is the
 * text without the date of birth, so "…, und ich hätte gern morgen einen Termin" can still be read
 * for when the caller wants to come.
 */
record NameAndBirthDate(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable LocalDate birthDate,
        boolean named,
        String rest) {

    private static final Map<String, Integer> MONTHS = months();

    private static final String MONTH = "(januar|jänner|january|jan|februar|february|feb|märz|maerz|march|mär|mar"
            + "|april|apr|mai|may|juni|june|jun|juli|july|jul|august|aug|september|sept|sep|oktober|october|okt|oct"
            + "|november|nov|dezember|december|dez|dec)\\.?";

    private static final Pattern NUMERIC =
            Pattern.compile("\\b(\\d{1,2})\\s?[./]\\s?(\\d{1,2})\\s?[./]\\s?(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);

    /** Words after which a name follows: "mein Name ist …", "this is …". */
    private static final Pattern NAME_CUE = Pattern.compile(
            "(?:name ist|heiße|heisse|hier ist|hier spricht|ich bin|name is|this is|i am|i'm|name's|nachname ist"
                    + "|nachname lautet|vorname ist)\\s+([\\p{L}'-]+(?:\\s+[\\p{L}'-]+)?)",
            Pattern.CASE_INSENSITIVE);

    /** Cues that also start other sentences than a name ("ich bin neu", "this is about"). */
    private static final Pattern WEAK_CUE =
            Pattern.compile("(?:ich bin|hier ist|this is|i am|i'm)\\s", Pattern.CASE_INSENSITIVE);

    static NameAndBirthDate read(String text) {
        DateMatch date = birthDate(text);
        String rest = date == null ? text : text.substring(0, date.start()) + " " + text.substring(date.end());
        List<String> cuedName = cued(rest);
        boolean cued = !cuedName.isEmpty();
        List<String> name =
                cued ? cuedName : date != null ? beforeBirthDate(text.substring(0, date.start())) : List.of();
        if (name.isEmpty() && !cued) {
            name = name(rest);
        }
        String first = name.size() >= 2 ? name.getFirst() : null;
        String last = name.isEmpty() ? null : name.getLast();
        return new NameAndBirthDate(first, last, date == null ? null : date.date(), cued, rest.strip());
    }

    /**
     * The name after the first cue that is followed by one: "Hi, I'm new here. My name is Emma
     * Brown" skips "I'm new here". After a weak cue ("ich bin", "I'm", "this is"), which also starts
     * "ich bin neu" or "I'm calling about", the first word must be capitalised and no filler.
     */
    private static List<String> cued(String text) {
        Matcher cue = NAME_CUE.matcher(text);
        while (cue.find()) {
            String first = cue.group(1).split("\\s+")[0];
            boolean weak = WEAK_CUE.matcher(cue.group()).lookingAt();
            if (NotNames.is(first) || (weak && !Character.isUpperCase(first.charAt(0)))) {
                continue;
            }
            List<String> words = names(cue.group(1));
            if (!words.isEmpty()) {
                return words;
            }
        }
        return List.of();
    }

    /** "…. Becker, geboren am" → Becker: the name is said right before the date of birth. */
    private static List<String> beforeBirthDate(String head) {
        String trimmed = head.replaceAll(
                "(?iu)(\\s|,|\\b(geboren|geb|am|born|on|the|of|und|and|mein|my|"
                        + "geburtsdatum|date|birth|ist|is)\\b|\\.)*$",
                "");
        String[] sentences = trimmed.split("[.;!?]");
        String[] parts = sentences[sentences.length - 1].split(",");
        return name(parts[parts.length - 1]);
    }

    private record DateMatch(LocalDate date, int start, int end) {}

    private static @Nullable DateMatch birthDate(String text) {
        Matcher m = NUMERIC.matcher(text);
        if (m.find()) {
            return date(m, number(m.group(3)), number(m.group(2)), number(m.group(1)));
        }
        m = ISO.matcher(text);
        if (m.find()) {
            return date(m, number(m.group(1)), number(m.group(2)), number(m.group(3)));
        }
        m = DAY_MONTH.matcher(text);
        if (m.find()) {
            return date(m, number(m.group(3)), month(m.group(2)), number(m.group(1)));
        }
        m = MONTH_DAY.matcher(text);
        if (m.find()) {
            return date(m, number(m.group(3)), month(m.group(1)), number(m.group(2)));
        }
        return null;
    }

    private static @Nullable DateMatch date(Matcher m, int year, int month, int day) {
        try {
            return new DateMatch(LocalDate.of(year, month, day), m.start(), m.end());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The name's words without a cue: the first piece of the text (split at punctuation and at
     * "geboren"/"born") that holds one to three words which are not filler; capitalised words
     * preferred, at most two (first and last name).
     */
    private static List<String> name(String text) {
        for (String piece : text.split("[,.;!?]|(?i)\\bgeboren\\b|(?i)\\bborn\\b|(?i)\\bgeb\\b")) {
            List<String> words = names(piece);
            if (words.isEmpty()) {
                continue;
            }
            List<String> capitalised = words.stream()
                    .filter(w -> Character.isUpperCase(w.charAt(0)))
                    .toList();
            List<String> chosen = capitalised.isEmpty() ? words : capitalised;
            return chosen.size() > 2 ? chosen.subList(chosen.size() - 2, chosen.size()) : chosen;
        }
        return List.of();
    }

    private static List<String> names(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("[^\\p{L}'-]+")) {
            if (word.length() >= 2
                    && !NotNames.is(word)
                    && word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
                words.add(word);
            }
        }
        return words.size() > 3 ? List.of() : words;
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

    private static int month(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace(".", "");
        return MONTHS.getOrDefault(key, 0);
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"januar", "jänner", "january", "jan"},
            {"februar", "february", "feb"},
            {"märz", "maerz", "march", "mär", "mar"},
            {"april", "apr"},
            {"mai", "may"},
            {"juni", "june", "jun"},
            {"juli", "july", "jul"},
            {"august", "aug"},
            {"september", "sept", "sep"},
            {"oktober", "october", "okt", "oct"},
            {"november", "nov"},
            {"dezember", "december", "dez", "dec"}
        };
        java.util.HashMap<String, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                map.put(n, i + 1);
            }
        }
        return Map.copyOf(map);
    }
}
