package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reads the fields of the booking and move forms: each names what it refers to (a patient,
 * appointment type or doctor that exists; a date; a time) or puts the reason into the form's
 * errors and answers null. What the scheduling rules say about the values is the booking
 * service's business, not this.
 */
@Component
class FormFields {

    private final PracticeCatalog catalog;
    private final PatientChoices patients;

    FormFields(PracticeCatalog catalog, PatientChoices patients) {
        this.catalog = catalog;
        this.patients = patients;
    }

    PatientId patient(String value, FormErrors errors) {
        if (Params.blank(value)) {
            errors.field("patient", "calendar.error.patient.required");
            return null;
        }
        Optional<UUID> id = Params.uuid(value);
        if (id.isEmpty() || patients.chosen(value).isEmpty()) {
            errors.field("patient", "calendar.error.unknown.patient");
            return null;
        }
        return new PatientId(id.get());
    }

    AppointmentType type(String value, FormErrors errors) {
        if (Params.blank(value)) {
            errors.field("type", "calendar.error.type.required");
            return null;
        }
        Optional<AppointmentType> type =
                Params.uuid(value).flatMap(id -> catalog.appointmentType(new AppointmentTypeId(id)));
        if (type.isEmpty()) {
            errors.field("type", "calendar.error.unknown.type");
            return null;
        }
        return type.get();
    }

    /** The doctor asked for, or null for "whoever is free" (blank). */
    DoctorId doctor(String value, FormErrors errors) {
        if (Params.blank(value)) {
            return null;
        }
        Optional<Doctor> doctor = Params.uuid(value).flatMap(id -> catalog.doctor(new DoctorId(id)));
        if (doctor.isEmpty()) {
            errors.field("doctor", "calendar.error.unknown.doctor");
            return null;
        }
        return doctor.get().id();
    }

    LocalDate date(String value, FormErrors errors) {
        if (Params.blank(value)) {
            errors.field("date", "calendar.error.date.required");
            return null;
        }
        Optional<LocalDate> date = Params.date(value);
        if (date.isEmpty()) {
            errors.field("date", "calendar.error.date.invalid");
            return null;
        }
        return date.get();
    }

    LocalTime time(String value, FormErrors errors) {
        if (Params.blank(value)) {
            errors.field("time", "calendar.error.time.required");
            return null;
        }
        Optional<LocalTime> time = Params.time(value);
        if (time.isEmpty()) {
            errors.field("time", "calendar.error.time.invalid");
            return null;
        }
        return time.get();
    }
}
