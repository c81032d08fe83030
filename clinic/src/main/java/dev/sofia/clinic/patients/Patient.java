package dev.sofia.clinic.patients;

import java.time.LocalDate;

/** A patient of the practice. {@code phone} is E.164 or null. */
public record Patient(
        PatientId id,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String phone,
        String email,
        String preferredLanguage,
        Insurance insurance,
        Consent consent,
        String notes) {

    /** German health insurance: gesetzlich (statutory) or privat (private). */
    public enum Insurance {
        STATUTORY,
        PRIVATE
    }

    /** What the patient agreed to. */
    public record Consent(boolean sms, boolean email, boolean callRecording) {
        public static final Consent NONE = new Consent(false, false, false);
    }
}
