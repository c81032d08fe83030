/**
 * Patients: identity, contact, language, insurance, consent and notes; looked up by phone number
 * (a caller) or by name and date of birth.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patients", allowedDependencies = "system")
package dev.sofia.clinic.patients;
