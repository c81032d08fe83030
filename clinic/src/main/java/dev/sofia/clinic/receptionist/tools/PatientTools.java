package dev.sofia.clinic.receptionist.tools;

import dev.sofia.agents.tools.Description;
import dev.sofia.agents.tools.Tool;
import dev.sofia.clinic.patients.NewPatient;
import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: an existing patient found by last name and date of birth (never by name alone,
 * and never telling a caller anything about a patient they did not identify), or a new patient
 * registered with the minimum the practice needs.
 */
public final class PatientTools {

    private final ReceptionistServices services;
    private final ReceptionistCall call;
    private final Outcomes outcomes;

    public PatientTools(ReceptionistServices services, ReceptionistCall call) {
        this.services = services;
        this.call = call;
        this.outcomes = new Outcomes(services, call);
    }

    @Tool("Finds the caller in the practice's patients by last name and date of birth (and first name when "
            + "several match). Needed before booking, listing, moving or cancelling appointments.")
    public ToolReplies.PatientInfo identifyPatient(
            String lastName,
            LocalDate dateOfBirth,
            @Description("only needed when several patients match") @Nullable String firstName) {
        List<Patient> matches = services.patients().findByNameAndBirthDate(lastName.strip(), null, dateOfBirth);
        if (matches.size() > 1 && firstName != null && !firstName.isBlank()) {
            String wanted = Catalogue.simple(firstName);
            matches = matches.stream()
                    .filter(p -> Catalogue.simple(p.firstName()).equals(wanted))
                    .toList();
        }
        if (matches.isEmpty()) {
            throw ToolProblems.refuse(
                    "patient-not-found",
                    "no patient with that last name and date of birth; check the spelling, or register a new patient");
        }
        if (matches.size() > 1) {
            throw ToolProblems.refuse("ambiguous-patient", "several patients match; ask for the first name");
        }
        Patient patient = matches.getFirst();
        call.patient(patient);
        outcomes.patientIdentified();
        return info("identified", patient, false);
    }

    @Tool(
            value = "Registers a new patient with their name and date of birth (and phone number if they give "
                    + "one). Use only after identify_patient found no one.",
            interruptible = false)
    public ToolReplies.PatientInfo registerPatient(
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            @Description("the caller's phone number, if they gave one") @Nullable String phone,
            @Description("statutory (gesetzlich) or private insurance, if the caller said")
                    Patient.@Nullable Insurance insurance) {
        // the same person registered twice in one call (a repeated tool call) is the same patient
        List<Patient> existing =
                services.patients().findByNameAndBirthDate(lastName.strip(), firstName.strip(), dateOfBirth);
        if (!existing.isEmpty()) {
            Patient known = existing.getFirst();
            call.patient(known);
            outcomes.patientIdentified();
            return info("already-registered", known, false);
        }
        String number =
                phone != null && !phone.isBlank() ? phone : call.callerNumber().orElse(null);
        NewPatient data = new NewPatient(
                capitalized(firstName),
                capitalized(lastName),
                dateOfBirth,
                number,
                null,
                call.language(),
                insurance,
                Patient.Consent.NONE,
                null);
        Patient patient = ToolProblems.translated(() -> services.patients().register(data));
        call.patient(patient);
        outcomes.patientIdentified();
        return info("registered", patient, true);
    }

    private static ToolReplies.PatientInfo info(String result, Patient patient, boolean isNew) {
        return new ToolReplies.PatientInfo(
                result,
                patient.firstName() + " " + patient.lastName(),
                patient.dateOfBirth().toString(),
                isNew);
    }

    /** "müller" → "Müller"; names typed or transcribed in lower case are stored as names are written. */
    private static String capitalized(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || !trimmed.equals(trimmed.toLowerCase(Locale.ROOT))) {
            return trimmed;
        }
        return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
