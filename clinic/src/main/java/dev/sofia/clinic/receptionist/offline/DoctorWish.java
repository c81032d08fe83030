package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.practice.Doctor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a caller asks for one of the practice's doctors. A doctor's name alone is not a wish:
 * callers share first names with the team ("Anna Schulz" is not a wish for Dr. Anna Weber), so a
 * wish needs a title or the words around it — "bei Dr. Weber", "Frau Doktor Weber", "with Dr
 * Smith", "bei Maria Klein" — the last name after a title, "bei"/"with"/"zu"/"to", or "Frau"/"Herr".
 */
final class DoctorWish {

    /** Words that introduce a doctor: a title or a preposition, then maybe a title and the first name. */
    private static final String CUE = "(?:dr|doktor|doctor|doc|bei|with|zu|to|see|frau|herr|mrs|ms|mr|miss)";

    private static final String TITLE = "(?: (?:dr|doktor|doctor|med))*";

    private final List<Doctor> doctors;

    DoctorWish(List<Doctor> doctors) {
        this.doctors = doctors.stream().filter(Doctor::active).toList();
    }

    /** The last name of the doctor the caller asks for ("Weber"), if they ask for one. */
    Optional<String> lastName(String text) {
        String n = Words.normalize(text);
        return doctors.stream()
                .filter(d -> mentions(n, d.displayName()))
                .map(d -> lastNameOf(d.displayName()))
                .findFirst();
    }

    /** How the team reads the doctor's name: "Dr. Weber", "Maria Klein". */
    Optional<String> shortName(String text) {
        String n = Words.normalize(text);
        return doctors.stream()
                .filter(d -> mentions(n, d.displayName()))
                .map(d -> d.displayName().startsWith("Dr.") ? "Dr. " + lastNameOf(d.displayName()) : d.displayName())
                .findFirst();
    }

    /** Whether the normalized words (see {@link Words#normalize}) ask for this doctor. */
    static boolean mentions(String normalized, String displayName) {
        List<String> parts = parts(displayName);
        if (parts.isEmpty()) {
            return false;
        }
        String last = Pattern.quote(parts.getLast());
        List<String> firsts = parts.subList(0, parts.size() - 1);
        String first = firsts.isEmpty()
                ? ""
                : "(?: " + String.join(" ", firsts.stream().map(Pattern::quote).toList()) + ")?";
        return Pattern.compile(" " + CUE + TITLE + first + " " + last + " ")
                .matcher(normalized)
                .find();
    }

    static String lastNameOf(String displayName) {
        List<String> parts =
                List.of(displayName.replaceAll("\\(.*\\)", "").strip().split("\\s+"));
        return parts.getLast();
    }

    private static List<String> parts(String displayName) {
        List<String> parts = new ArrayList<>();
        for (String part :
                displayName.replaceAll("\\(.*\\)", "").toLowerCase(Locale.ROOT).split("[^\\p{L}'-]+")) {
            if (!part.isEmpty() && !part.equals("dr")) {
                parts.add(part);
            }
        }
        return parts;
    }
}
