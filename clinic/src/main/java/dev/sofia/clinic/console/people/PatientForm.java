package dev.sofia.clinic.console.people;

import dev.sofia.clinic.patients.NewPatient;
import dev.sofia.clinic.patients.Patient;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The patient form as the browser sends it: text as typed, so a rejected form comes back exactly
 * as the user left it. {@link #toNewPatient()} hands it to the same {@code Patients} service the
 * REST API uses, which does all the checking.
 *
 * @param dateOfBirth {@code yyyy-MM-dd} from a date input
 * @param insurance blank, {@code STATUTORY} or {@code PRIVATE}
 */
record PatientForm(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String dateOfBirth,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String preferredLanguage,
        @Nullable String insurance,
        @Nullable Boolean consentSms,
        @Nullable Boolean consentEmail,
        @Nullable Boolean consentCallRecording,
        @Nullable String notes) {

    static PatientForm empty() {
        return new PatientForm(null, null, null, null, null, "de", null, false, false, false, null);
    }

    static PatientForm of(Patient p) {
        return new PatientForm(
                p.firstName(),
                p.lastName(),
                p.dateOfBirth() == null ? null : p.dateOfBirth().toString(),
                p.phone(),
                p.email(),
                p.preferredLanguage(),
                p.insurance() == null ? null : p.insurance().name(),
                p.consent().sms(),
                p.consent().email(),
                p.consent().callRecording(),
                p.notes());
    }

    /** Whether {@link #insurance} is one the form offers (anything else was not typed by a person). */
    boolean insuranceValid() {
        return insurance == null || insurance.isBlank() || parsedInsurance() != null;
    }

    NewPatient toNewPatient() {
        return new NewPatient(
                firstName,
                lastName,
                birthDate(),
                phone,
                email,
                preferredLanguage == null || preferredLanguage.isBlank() ? null : preferredLanguage,
                parsedInsurance(),
                new Patient.Consent(
                        Boolean.TRUE.equals(consentSms),
                        Boolean.TRUE.equals(consentEmail),
                        Boolean.TRUE.equals(consentCallRecording)),
                notes);
    }

    /** The date typed, or null (which the service reports as missing) if it is not a date. */
    private @Nullable LocalDate birthDate() {
        if (dateOfBirth == null || dateOfBirth.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(dateOfBirth.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Patient.@Nullable Insurance parsedInsurance() {
        if (insurance == null || insurance.isBlank()) {
            return null;
        }
        try {
            return Patient.Insurance.valueOf(insurance.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
