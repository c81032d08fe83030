package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.patients.PatientId;
import java.time.Instant;

/** Published when an appointment was cancelled (also the old one of a reschedule). */
public record AppointmentCancelled(AppointmentId appointmentId, PatientId patientId, Instant start, String reason) {}
