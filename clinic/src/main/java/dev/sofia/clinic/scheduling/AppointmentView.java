package dev.sofia.clinic.scheduling;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/** An appointment as clients see it: times in the practice's local offset, lower-case enums. */
record AppointmentView(
        UUID id,
        UUID patientId,
        UUID doctorId,
        UUID typeId,
        UUID chairId,
        OffsetDateTime start,
        OffsetDateTime end,
        String status,
        String source,
        UUID callSessionId,
        String notes,
        String cancellationReason,
        UUID rescheduledFrom,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static AppointmentView of(Appointment a, ZoneId zone) {
        return new AppointmentView(
                a.id().value(),
                a.patientId().value(),
                a.doctorId().value(),
                a.typeId().value(),
                a.chairId() == null ? null : a.chairId().value(),
                a.start().atZone(zone).toOffsetDateTime(),
                a.end().atZone(zone).toOffsetDateTime(),
                a.status().dbValue(),
                a.source().name().toLowerCase(Locale.ROOT),
                a.callSessionId(),
                a.notes(),
                a.cancellationReason(),
                a.rescheduledFrom() == null ? null : a.rescheduledFrom().value(),
                a.createdAt() == null ? null : a.createdAt().atZone(zone).toOffsetDateTime(),
                a.updatedAt() == null ? null : a.updatedAt().atZone(zone).toOffsetDateTime());
    }
}
