package dev.sofia.clinic.console.people;

import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.calls.CallSession;
import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.patients.Patients;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns call sessions into {@link CallRow}s, with the names of the patients they were recognised as. */
@Component
class CallRows {

    private final Patients patients;
    private final PeopleFormat format;

    CallRows(Patients patients, PeopleFormat format) {
        this.patients = patients;
        this.format = format;
    }

    List<CallRow> of(List<CallSession> sessions) {
        // A page lists many calls of few patients: ask for each patient once.
        Map<UUID, Optional<Patient>> known = new HashMap<>();
        return sessions.stream()
                .map(s -> row(
                        s,
                        s.patientId() == null
                                ? null
                                : known.computeIfAbsent(s.patientId(), id -> patients.find(new PatientId(id)))
                                        .map(CallRows::name)
                                        .orElse(null)))
                .toList();
    }

    CallRow of(CallSession session) {
        return of(List.of(session)).getFirst();
    }

    static String name(Patient p) {
        return p.firstName() + " " + p.lastName();
    }

    private CallRow row(CallSession s, @Nullable String patientName) {
        return new CallRow(
                s.id(),
                format.dateTime(s.createdAt()),
                s.channel().value(),
                s.patientId(),
                patientName,
                s.callerNumber(),
                PeopleFormat.duration(s.answeredAt(), s.endedAt()),
                s.outcome() == null ? null : s.outcome().dbValue(),
                tone(s.outcome()),
                s.status().value(),
                s.language(),
                s.summary());
    }

    /** Green for a changed calendar, amber where staff may have to act, red where nothing came of it. */
    static String tone(@Nullable CallOutcome outcome) {
        if (outcome == null) {
            return "";
        }
        return switch (outcome) {
            case BOOKED, RESCHEDULED -> "ok";
            case CANCELLED, MESSAGE, TRANSFERRED -> "warn";
            case ABANDONED -> "bad";
            case INFO -> "";
        };
    }
}
