package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.offline.DialogState.Awaiting;
import dev.sofia.clinic.receptionist.offline.DialogState.Goal;
import dev.sofia.clinic.receptionist.time.When;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The slot-filling core: from what is known, the next step — a tool call when the engine has all
 * a tool needs, else the one question for the first missing piece. The order is the practice's
 * rule: who the patient is, then (for a move or a cancellation) which appointment, then the
 * treatment and the time, the search, the choice, the hold with its read-back, and only after an
 * explicit yes the change in the calendar.
 */
final class Planner {

    private final ReceptionistServices services;
    private final ReceptionistCall call;
    private final Treatments treatments;

    Planner(ReceptionistServices services, ReceptionistCall call, Treatments treatments) {
        this.services = services;
        this.call = call;
        this.treatments = treatments;
    }

    Answer next(DialogState s) {
        if (s.awaiting == Awaiting.ENDED) {
            return Answer.silent();
        }
        if (s.goal == Goal.NONE) {
            return noTask(s);
        }
        Answer step = patient(s);
        if (step == null && (s.goal == Goal.CANCEL || s.goal == Goal.RESCHEDULE)) {
            step = appointment(s);
        }
        return step != null ? step : booking(s);
    }

    private Answer noTask(DialogState s) {
        String l = s.language;
        return switch (s.awaiting) {
            case HELP_OFFER -> Answer.say(Replies.helpOffer(l));
            case EMERGENCY_TRANSFER -> Answer.say(Replies.emergencyNone(l));
            case CALLBACK_NUMBER -> Answer.say(Replies.askCallbackNumber(l));
            case ANYTHING_ELSE -> {
                if (l.equals("ru")) {
                    s.awaiting = Awaiting.ENDED;
                    yield Answer.call("end_call");
                }
                yield Answer.say(Replies.anythingElse(l));
            }
            default -> {
                s.awaiting = Awaiting.INTENT;
                yield Answer.say(Replies.howCanIHelp(l));
            }
        };
    }

    /** Who the caller is: the calling number's patient confirmed, found, or registered. */
    private @Nullable Answer patient(DialogState s) {
        String l = s.language;
        if (s.patientKnown) {
            return null;
        }
        if (s.phonePatient != null && call.patient().isPresent()) {
            return ask(s, Awaiting.PHONE_PATIENT, Replies.phonePatient(l, s.phonePatient));
        }
        if (s.registering) {
            if (s.lastName == null) {
                return ask(s, Awaiting.REGISTRATION, Replies.askLastName(l));
            }
            if (s.firstName == null) {
                return ask(s, Awaiting.FIRST_NAME, Replies.askFirstName(l));
            }
            if (s.birthDate == null) {
                return ask(s, Awaiting.REGISTRATION, Replies.askBirthDate(l));
            }
            return Answer.call(
                    "register_patient", "firstName", s.firstName, "lastName", s.lastName, "dateOfBirth", s.birthDate);
        }
        if (s.identityComplete() && !s.identityTried) {
            return Answer.call(
                    "identify_patient", "lastName", s.lastName, "dateOfBirth", s.birthDate, "firstName", s.firstName);
        }
        if (s.notFound) {
            return ask(s, Awaiting.NEW_PATIENT, Replies.askNew(l));
        }
        if (s.ambiguous) {
            return ask(s, Awaiting.FIRST_NAME, Replies.askFirstName(l));
        }
        if (s.lastName == null && s.birthDate == null) {
            return ask(s, Awaiting.IDENTITY, Replies.askIdentity(l));
        }
        return ask(s, Awaiting.IDENTITY, s.lastName == null ? Replies.askLastName(l) : Replies.askBirthDate(l));
    }

    /** Which of the caller's appointments is meant; for a cancellation, the confirmed cancellation. */
    private @Nullable Answer appointment(DialogState s) {
        String l = s.language;
        if (s.appointments == null) {
            return Answer.call("find_my_appointments");
        }
        if (s.appointments.isEmpty()) {
            s.preface.add(Replies.noAppointments(l));
            s.startGoal(Goal.NONE);
            return ask(s, Awaiting.ANYTHING_ELSE, Replies.anythingElse(l));
        }
        if (s.appointment == null) {
            if (s.appointments.size() > 1) {
                return ask(s, Awaiting.APPOINTMENT_CHOICE, Replies.whichAppointment(l, s.appointments));
            }
            s.appointment = s.appointments.getFirst();
        }
        if (s.goal == Goal.CANCEL) {
            if (!s.confirmed) {
                return ask(s, Awaiting.CANCEL_CONFIRM, Replies.confirmCancel(l, s.appointment));
            }
            return Answer.call("cancel_appointment", "appointmentId", s.appointment.appointmentId());
        }
        if (s.treatment == null) {
            s.treatment = treatments.byName(s.appointment.treatment()).orElse(null);
        }
        if (s.when == null) {
            return ask(s, Awaiting.WHEN, Replies.moveWhen(l, s.appointment));
        }
        return null;
    }

    /** Treatment, time, search, choice, hold, read-back, and the booking or the move. */
    private Answer booking(DialogState s) {
        String l = s.language;
        if (s.treatment == null) {
            List<String> names = services.catalog().appointmentTypes().stream()
                    .filter(t -> t.active() && !t.emergency())
                    .map(t -> t.name().in(l))
                    .limit(4)
                    .toList();
            return ask(s, Awaiting.TREATMENT, Replies.askTreatment(l, names));
        }
        if (!s.emergency && s.when == null) {
            return ask(s, Awaiting.WHEN, s.changeWanted ? Replies.whenInstead(l) : Replies.askWhen(l));
        }
        if (!s.searched || s.searchNeeded) {
            return search(s);
        }
        if (s.offers.isEmpty()) {
            if (s.emergency) {
                s.startGoal(Goal.NONE);
                return ask(s, Awaiting.EMERGENCY_TRANSFER, Replies.emergencyNone(l));
            }
            s.preface.add(Replies.noSlots(l));
            s.offerHelp();
            return Answer.say(Replies.helpOffer(l));
        }
        if (s.chosen == null) {
            if (!s.emergency) {
                return ask(s, Awaiting.SLOT_CHOICE, Replies.offers(l, s.offers));
            }
            s.chosen = s.offers.getFirst(); // in pain: the earliest, read back at once
        }
        if (!s.held) {
            return Answer.call("hold_slot", "slotId", s.chosen.slotId());
        }
        if (!s.confirmed) {
            String readBack = s.readBack == null ? s.chosen.spoken() : s.readBack;
            return ask(
                    s,
                    Awaiting.BOOK_CONFIRM,
                    s.emergency
                            ? Replies.emergencyReadBack(l, readBack)
                            : Replies.readBack(l, readBack, s.goal == Goal.RESCHEDULE));
        }
        if (s.goal == Goal.RESCHEDULE && s.appointment != null) {
            return Answer.call(
                    "reschedule_appointment",
                    "appointmentId",
                    s.appointment.appointmentId(),
                    "slotId",
                    s.chosen.slotId());
        }
        return Answer.call("book_appointment", "slotId", s.chosen.slotId(), "notes", s.emergency ? s.topic : null);
    }

    private Answer search(DialogState s) {
        if (s.emergency) {
            LocalDate today = today();
            return Answer.call("find_free_slots", "treatment", s.treatment, "from", today, "to", today.plusDays(1));
        }
        When when = s.when;
        return Answer.call(
                "find_free_slots",
                "treatment",
                s.treatment,
                "from",
                when.from(),
                "to",
                when.to(),
                "doctor",
                s.doctor,
                "partOfDay",
                when.partOfDay(),
                "preferredTime",
                when.time());
    }

    LocalDate today() {
        return LocalDate.now(
                services.clock().withZone(services.catalog().practice().timeZone()));
    }

    private static Answer ask(DialogState s, Awaiting awaiting, String question) {
        s.awaiting = awaiting;
        return Answer.say(question);
    }
}
