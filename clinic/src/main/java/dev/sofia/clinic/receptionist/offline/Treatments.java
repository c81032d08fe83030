package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.practice.AppointmentType;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which of the practice's appointment types a caller means. The practice's own names (de/en) and
 * codes are matched first; then the words callers use for the common ones ("Zahnreinigung",
 * "check-up", "Loch im Zahn"), by the demo practice's codes; pain, swelling, bleeding and accidents
 * mean the practice's emergency type, whatever its code.
 */
final class Treatments {

    private static final Map<String, Set<String>> COMMON = Map.of(
            "kontrolle", Set.of("kontroll", "untersuch", "check", "vorsorge", "examination", "routine"),
            "pzr", Set.of("reinigung", " pzr ", "cleaning", "prophylax", "hygien"),
            "fuellung", Set.of("füllung", "fuellung", "filling", "plombe", " loch ", " cavity "),
            "beratung", Set.of("beratung", "beraten", "consultation", " advice ", " second opinion "));

    private static final Set<String> EMERGENCY = Set.of(
            "schmerz",
            " weh ",
            " pain",
            " ache",
            "toothache",
            "geschwollen",
            "schwellung",
            " swelling ",
            " swollen ",
            " blut",
            " bleeding ",
            " bleed",
            " unfall ",
            " accident ",
            "abgebrochen",
            " broken ",
            " broke ",
            " notfall ",
            " emergency ");

    private final List<AppointmentType> types;

    Treatments(List<AppointmentType> types) {
        this.types = types.stream().filter(AppointmentType::active).toList();
    }

    /** The code of the type the text names, if it names one. */
    Optional<String> find(String text) {
        String n = Words.normalize(text);
        String plain = plain(n);
        for (AppointmentType type : types) {
            for (String name :
                    List.of(type.code(), type.name().de(), type.name().en())) {
                if (plain.contains(" " + plain(name).strip() + " ")) {
                    return Optional.of(type.code());
                }
            }
        }
        if (Words.any(n, EMERGENCY)) {
            Optional<String> emergency = emergencyCode();
            if (emergency.isPresent()) {
                return emergency;
            }
        }
        for (var entry : COMMON.entrySet()) {
            if (Words.any(n, entry.getValue()) && known(entry.getKey())) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    Optional<String> emergencyCode() {
        return types.stream()
                .filter(AppointmentType::emergency)
                .map(AppointmentType::code)
                .findFirst();
    }

    boolean isEmergency(String code) {
        return types.stream().anyMatch(t -> t.code().equals(code) && t.emergency());
    }

    /** The code of a type by one of its names (the treatment an appointment listing shows). */
    Optional<String> byName(String name) {
        String wanted = plain(name).strip();
        return types.stream()
                .filter(t -> plain(t.name().de()).strip().equals(wanted)
                        || plain(t.name().en()).strip().equals(wanted)
                        || plain(t.name().ru()).strip().equals(wanted)
                        || t.code().equals(wanted))
                .map(AppointmentType::code)
                .findFirst();
    }

    /** Whether a patient new to the practice may book this type (a filling needs a check-up first). */
    boolean allowsNewPatients(String code) {
        return types.stream().filter(t -> t.code().equals(code)).allMatch(AppointmentType::newPatientsAllowed);
    }

    /** What a new patient books first: the check-up, or else the first type open to new patients. */
    Optional<String> firstVisit() {
        return preferred("kontrolle");
    }

    /** What to offer for a treatment the practice does not book by phone: a consultation about it. */
    Optional<String> consultation() {
        return preferred("beratung");
    }

    /** The type's name in the language ("Kontrolle", "check-up"), or the code when it is unknown. */
    String name(@Nullable String code, String language) {
        return types.stream()
                .filter(t -> t.code().equals(code))
                .map(t -> t.name().in(language))
                .findFirst()
                .orElse(code == null ? "" : code);
    }

    private Optional<String> preferred(String code) {
        if (types.stream().anyMatch(t -> t.code().equals(code) && t.newPatientsAllowed())) {
            return Optional.of(code);
        }
        return types.stream()
                .filter(t -> t.newPatientsAllowed() && !t.emergency())
                .map(AppointmentType::code)
                .findFirst();
    }

    private boolean known(String code) {
        return types.stream().anyMatch(t -> t.code().equals(code));
    }

    private static String plain(String text) {
        String lower = " "
                + text.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                        .strip() + " ";
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
