package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.practice.DoctorId;
import java.time.Instant;
import java.util.UUID;

/** Published when an appointment was booked (also the new one of a reschedule). */
public record AppointmentBooked(
        AppointmentId appointmentId,
        PatientId patientId,
        DoctorId doctorId,
        Instant start,
        BookingSource source,
        UUID callSessionId) {}
