package dev.sofia.clinic.patients;

import java.time.LocalDate;

/** What is needed to register (or update) a patient; the phone may be in any common notation. */
public record NewPatient(
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String phone,
        String email,
        String preferredLanguage,
        Patient.Insurance insurance,
        Patient.Consent consent,
        String notes) {}
