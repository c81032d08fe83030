package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.offline.DialogState.Awaiting;
import dev.sofia.clinic.receptionist.offline.DialogState.Goal;
import dev.sofia.clinic.receptionist.offline.DialogState.Listed;
import dev.sofia.clinic.receptionist.offline.DialogState.Offer;
import dev.sofia.clinic.receptionist.time.When;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The slot-filling core: from what is known, the next step — a tool call when the engine has all
 * a tool needs, else the one question for the first missing piece. The order is the practice's
 * rule: who the patient is ({@link Identification}), then (for a move or a cancellation) which
 * appointment, then the treatment and the time, the search, the choice, the hold with its
 * read-back, and only after an explicit yes the change in the calendar. A move's offers are asked
 * as "which one shall I move it to?", so naming one is that yes: the offer was its read-back.
 */
final class Planner {

    private final ReceptionistServices services;
    private final Treatments treatments;
    private final Identification identification;

    Planner(ReceptionistServices services, ReceptionistCall call, Treatments treatments) {
        this.services = services;
        this.treatments = treatments;
        this.identification = new Identification(call);
    }

    Answer next(DialogState s) {
        if (s.awaiting == Awaiting.ENDED) {
            return Answer.silent();
        }
        if (s.goal == Goal.NONE) {
            Answer who = identification.unasked(s);
            return who != null ? who : noTask(s);
        }
        Answer step = identification.next(s);
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
            case CALLBACK_NUMBER -> Answer.say(TeamReplies.askCallbackNumber(l));
            case MESSAGE_OFFER -> Answer.say(TeamReplies.messageOffer(l));
            case ALTERNATIVE -> Answer.say(Replies.alternativeFor(l, treatments.name(s.alternative, l)));
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
            s.appointment = AppointmentChoice.named(s, treatments);
        }
        if (s.appointment == null) {
            return ask(s, Awaiting.APPOINTMENT_CHOICE, Replies.whichAppointment(l, s.appointments));
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
        boolean move = s.goal == Goal.RESCHEDULE && s.appointment != null;
        if (s.treatment == null) {
            List<String> names = services.catalog().appointmentTypes().stream()
                    .filter(t -> t.active() && !t.emergency())
                    .map(t -> t.name().in(l))
                    .limit(4)
                    .toList();
            return ask(s, Awaiting.TREATMENT, Replies.askTreatment(l, names));
        }
        if (!move && (s.notForNew || (s.newPatient && !treatments.allowsNewPatients(s.treatment)))) {
            return notForNewPatients(s);
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
                return offer(s, move);
            }
            s.chosen = s.offers.getFirst(); // in pain: the earliest, read back at once
        }
        if (move && s.confirmed) {
            return Answer.call(
                    "reschedule_appointment",
                    "appointmentId",
                    s.appointment.appointmentId(),
                    "slotId",
                    s.chosen.slotId());
        }
        if (!s.held) {
            return Answer.call("hold_slot", "slotId", s.chosen.slotId());
        }
        if (!s.confirmed) {
            String readBack = s.readBack == null ? s.chosen.spoken() : s.readBack;
            return ask(
                    s,
                    Awaiting.BOOK_CONFIRM,
                    s.emergency ? OfferReplies.emergencyReadBack(l, readBack) : OfferReplies.readBack(l, readBack));
        }
        return Answer.call("book_appointment", "slotId", s.chosen.slotId(), "notes", s.emergency ? s.topic : null);
    }

    /**
     * The offers as a question: one slot alone when it is what the caller asked for (the earliest,
     * or exactly the time they named) or all there is, so a plain yes takes it; else the list.
     */
    private static Answer offer(DialogState s, boolean move) {
        String l = s.language;
        Offer alone = alone(s);
        if (alone != null) {
            s.offers = List.of(alone);
            return ask(s, Awaiting.SLOT_CHOICE, OfferReplies.proposal(l, alone, s.earliest, move));
        }
        if (s.bareYes == 1) {
            return ask(s, Awaiting.SLOT_CHOICE, OfferReplies.whichOfThem(l, s.offers.subList(0, 2)));
        }
        return ask(s, Awaiting.SLOT_CHOICE, OfferReplies.offers(l, s.offers, move));
    }

    private static @Nullable Offer alone(DialogState s) {
        if (s.offers.size() == 1 || s.earliest) {
            return s.offers.getFirst();
        }
        var time = s.when == null ? null : s.when.time();
        return time == null
                ? null
                : s.offers.stream()
                        .filter(o -> o.time().equals(time))
                        .findFirst()
                        .orElse(null);
    }

    /** A treatment for known patients only, asked for by a new one: the first check-up instead. */
    private Answer notForNewPatients(DialogState s) {
        String l = s.language;
        s.notForNew = false;
        s.alternative = treatments.firstVisit().orElse(null);
        if (s.alternative == null) {
            s.preface.add(Replies.unsupportedTreatment(l));
            s.offerHelp();
            return Answer.say(Replies.helpOffer(l));
        }
        s.pendingWhen = s.when;
        s.clearSearch();
        return ask(
                s,
                Awaiting.ALTERNATIVE,
                Replies.onlyForKnownPatients(l, treatments.name(s.treatment, l), treatments.name(s.alternative, l)));
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

    /** The appointment a listing shows, as an offer (to pick one by the words that pick offers). */
    static Offer asOffer(Listed a) {
        return new Offer(a.appointmentId(), a.date(), a.time(), a.spoken(), a.doctor());
    }
}
