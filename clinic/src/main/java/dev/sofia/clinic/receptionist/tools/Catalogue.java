package dev.sofia.clinic.receptionist.tools;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.PracticeCatalog;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds the treatment and the doctor a tool call names, as a model or a caller would name them (a
 * code, a name in any of the practice's languages, a last name), and refuses anything else with the
 * list of what exists, so a model cannot make up a treatment or a doctor.
 */
final class Catalogue {

    private final PracticeCatalog catalog;

    Catalogue(PracticeCatalog catalog) {
        this.catalog = catalog;
    }

    AppointmentType treatment(String named) {
        String wanted = simple(named);
        List<AppointmentType> active = catalog.appointmentTypes().stream()
                .filter(AppointmentType::active)
                .toList();
        for (AppointmentType type : active) {
            if (simple(type.code()).equals(wanted)
                    || simple(type.name().de()).equals(wanted)
                    || simple(type.name().en()).equals(wanted)
                    || simple(type.name().ru()).equals(wanted)) {
                return type;
            }
        }
        throw ToolProblems.refuse(
                "unknown-treatment",
                "the practice has no treatment called '" + clip(named) + "'; it offers: "
                        + active.stream().map(AppointmentType::code).collect(Collectors.joining(", ")));
    }

    Doctor doctor(String named) {
        String wanted = simple(named).replace("dr. ", "").replace("dr ", "").strip();
        List<Doctor> active = catalog.doctors().stream().filter(Doctor::active).toList();
        for (Doctor doctor : active) {
            String name = simple(doctor.displayName());
            if (!wanted.isEmpty()
                    && (name.equals(wanted) || List.of(name.split("[ ()]+")).contains(wanted))) {
                return doctor;
            }
        }
        throw ToolProblems.refuse(
                "unknown-doctor",
                "no one called '" + clip(named) + "' works here; the team: "
                        + active.stream().map(Doctor::displayName).collect(Collectors.joining(", ")));
    }

    String doctorName(dev.sofia.clinic.practice.DoctorId id) {
        return catalog.doctor(id).map(Doctor::displayName).orElse("?");
    }

    String treatmentName(dev.sofia.clinic.practice.AppointmentTypeId id, String language) {
        return catalog.appointmentType(id).map(t -> t.name().in(language)).orElse("?");
    }

    /** Lower case, no accents, single spaces: "Zahnreinigung" matches "zahnreinigung ". */
    static String simple(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Untrusted text echoed back to the model, kept short. */
    static String clip(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ").strip();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
    }
}
