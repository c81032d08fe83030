package dev.sofia.clinic.console.people;

import dev.sofia.clinic.calls.CallMessage;
import dev.sofia.clinic.calls.CallMessages;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.Appointments;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Everything the patient record page shows besides the patient: appointments, calls, messages. */
@Component
class PatientRecord {

    /** How many past appointments, calls and messages the record lists (the newest). */
    static final int RECENT = 20;

    private final Appointments appointments;
    private final PracticeCatalog catalog;
    private final CallSessions calls;
    private final CallMessages messages;
    private final CallRows rows;
    private final PeopleFormat format;

    PatientRecord(
            Appointments appointments,
            PracticeCatalog catalog,
            CallSessions calls,
            CallMessages messages,
            CallRows rows,
            PeopleFormat format) {
        this.appointments = appointments;
        this.catalog = catalog;
        this.calls = calls;
        this.messages = messages;
        this.rows = rows;
        this.format = format;
    }

    /** An appointment as the record lists it; {@code day} is for the link to the calendar's day. */
    record AppointmentRow(UUID id, String time, LocalDate day, String type, String doctor, String status) {}

    /** A message about the patient; {@code status} is {@code open} or {@code done}. */
    record MessageRow(UUID id, String kind, String created, String reason, String status, UUID callId) {}

    List<AppointmentRow> upcoming(Patient patient) {
        return appointments.upcomingFor(patient.id(), format.now()).stream()
                .map(this::row)
                .toList();
    }

    /** Appointments that started before now, newest first, cancelled ones included. */
    List<AppointmentRow> past(Patient patient) {
        Instant now = format.now();
        List<Appointment> before = appointments.between(Instant.parse("1900-01-01T00:00:00Z"), now, null, patient.id());
        return before.reversed().stream().limit(RECENT).map(this::row).toList();
    }

    List<CallRow> calls(Patient patient) {
        return rows.of(calls.ofPatient(patient.id().value(), RECENT));
    }

    List<MessageRow> messages(Patient patient) {
        return messages.ofPatient(patient.id().value(), RECENT).stream()
                .map(m -> new MessageRow(
                        m.id(),
                        m.kind().dbValue(),
                        format.dateTime(m.createdAt()),
                        m.reason(),
                        m.status() == CallMessage.Status.OPEN ? "open" : "done",
                        m.callSessionId()))
                .toList();
    }

    private AppointmentRow row(Appointment a) {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return new AppointmentRow(
                a.id().value(),
                format.dateTime(a.start()),
                format.day(a.start()),
                catalog.appointmentType(a.typeId())
                        .map(AppointmentType::name)
                        .map(n -> n.in(language))
                        .orElse("–"),
                catalog.doctor(a.doctorId()).map(Doctor::displayName).orElse("–"),
                a.status().name().toLowerCase(java.util.Locale.ROOT));
    }
}
