package dev.sofia.clinic.receptionist.tools;

import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a tool achieved onto the call session (patient, outcome, a one-line summary for
 * staff). The summary is in German, the practice's working language, and holds no phone number.
 * A call without a session (the console) records nothing.
 */
final class Outcomes {

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

    private final ReceptionistServices services;
    private final ReceptionistCall call;

    Outcomes(ReceptionistServices services, ReceptionistCall call) {
        this.services = services;
        this.call = call;
    }

    void record(CallOutcome outcome, String what, ToolReplies.AppointmentInfo appointment) {
        String summary = switch (what) {
                    case "booked" -> "Termin gebucht";
                    case "rescheduled" -> "Termin verschoben auf";
                    default -> "Termin abgesagt";
                }
                + ": " + appointment.treatment() + ", " + appointment.date() + " " + appointment.time() + ", "
                + appointment.doctor();
        record(outcome, summary);
    }

    void record(CallOutcome outcome, String summary) {
        call.callSessionId().ifPresent(id -> {
            try {
                call.patient().ifPresent(p -> services.records().recordPatient(id, p.id().value()));
                services.records().recordOutcome(id, outcome, summary);
            } catch (RuntimeException e) {
                // the calendar change stands; a missing note on the call must not undo it for the caller
                log.warn("Could not record the outcome {} of call {}", outcome, id, e);
            }
        });
    }

    void patientIdentified() {
        call.callSessionId()
                .ifPresent(id -> call.patient().ifPresent(p -> {
                    try {
                        services.records().recordPatient(id, p.id().value());
                    } catch (RuntimeException e) {
                        log.warn("Could not record the patient of call {}", id, e);
                    }
                }));
    }
}
