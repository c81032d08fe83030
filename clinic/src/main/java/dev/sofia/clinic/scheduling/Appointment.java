package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.system.ConflictException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An appointment. Times are instants (stored UTC); {@code blockedUntil} is the end plus the type's
 * buffer. Status changes go through the transition methods, which refuse illegal ones.
 */
public record Appointment(
        AppointmentId id,
        PatientId patientId,
        DoctorId doctorId,
        AppointmentTypeId typeId,
        ChairId chairId,
        Instant start,
        Instant end,
        Instant blockedUntil,
        AppointmentStatus status,
        BookingSource source,
        UUID callSessionId,
        String notes,
        String cancellationReason,
        AppointmentId rescheduledFrom,
        Instant createdAt,
        Instant updatedAt) {

    public Appointment confirm() {
        return transition(AppointmentStatus.CONFIRMED, null);
    }

    public Appointment cancel(String reason) {
        return transition(AppointmentStatus.CANCELLED, reason == null || reason.isBlank() ? "cancelled" : reason);
    }

    public Appointment complete() {
        return transition(AppointmentStatus.COMPLETED, null);
    }

    public Appointment markNoShow() {
        return transition(AppointmentStatus.NO_SHOW, null);
    }

    /** True while the appointment still occupies its time. */
    public boolean isActive() {
        return status != AppointmentStatus.CANCELLED;
    }

    private Appointment transition(AppointmentStatus next, String reason) {
        if (!status.canBecome(next)) {
            throw new ConflictException(
                    "illegal-transition",
                    "Illegal status change",
                    "An appointment that is " + status.dbValue() + " cannot become " + next.dbValue(),
                    Map.of("currentStatus", status.dbValue()));
        }
        return new Appointment(
                id,
                patientId,
                doctorId,
                typeId,
                chairId,
                start,
                end,
                blockedUntil,
                next,
                source,
                callSessionId,
                notes,
                reason,
                rescheduledFrom,
                createdAt,
                updatedAt);
    }
}
