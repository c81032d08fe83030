package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.DoctorId;
import java.time.Instant;
import java.util.UUID;

/**
 * A request to book. {@code holdId} (optional) names a hold the caller took on this slot, which the
 * booking consumes; {@code callSessionId} links the appointment to the call that made it.
 */
public record BookingRequest(
        PatientId patientId,
        AppointmentTypeId typeId,
        DoctorId doctorId,
        Instant start,
        BookingSource source,
        UUID callSessionId,
        String notes,
        HoldId holdId) {}
