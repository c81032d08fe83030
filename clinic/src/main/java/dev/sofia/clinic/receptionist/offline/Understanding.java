package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.offline.Confirmations.YesNo;
import dev.sofia.clinic.receptionist.offline.DialogState.Awaiting;
import dev.sofia.clinic.receptionist.offline.DialogState.Goal;
import dev.sofia.clinic.receptionist.offline.Intents.Intent;
import dev.sofia.clinic.receptionist.time.When;
import dev.sofia.clinic.receptionist.time.WhenParser;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one caller utterance into the dialog state: first who they are and the number they
 * dictate, then what it asks for beyond the current task (a person, a message, opening hours,
 * goodbye — answered at once), then the answer to the question Sofia asked (which slot, yes or no,
 * a correction), then any slot it fills on the way (treatment, when, doctor). A request to move an
 * appointment is read in two parts ({@link MoveWords}): which appointment, and the new time.
 * Nothing understood twice in a row: the caller is offered a person or a message.
 */
final class Understanding {

    private static final int EARLIEST_SEARCH_DAYS = 14;

    private final ReceptionistServices services;
    private final ReceptionistCall call;
    private final Treatments treatments;
    private final WhenParser whenParser;
    private final DoctorWish doctors;
    private final Turns turns;

    Understanding(ReceptionistServices services, ReceptionistCall call, Treatments treatments) {
        this.services = services;
        this.call = call;
        this.treatments = treatments;
        this.whenParser =
                new WhenParser(services.clock(), services.catalog().practice().timeZone());
        this.doctors = new DoctorWish(services.catalog().doctors());
        this.turns = new Turns(call, doctors);
    }

    /** @return an answer when the utterance is answered at once, else null (the planner goes on) */
    @Nullable
    Answer absorb(DialogState s, String text) {
        Optional<String> language = Languages.detect(text);
        if (language.isPresent() && !language.get().equals(s.language)) {
            s.language = language.get();
            call.language(s.language);
        }
        if (s.language.equals("ru")) {
            return turns.russian(s, text);
        }
        String l = s.language;
        Set<Intent> intents = Intents.detect(text);
        NameAndBirthDate person = NameAndBirthDate.read(text);
        When when = whenParser.parse(person.rest(), l).orElse(null);
        boolean daySaid = DayWords.mentionsDay(person.rest());
        Optional<String> treatment = treatments.find(text);
        YesNo yesNo = Confirmations.of(text);
        boolean goalWords = intents.contains(Intent.BOOK)
                || intents.contains(Intent.CANCEL)
                || intents.contains(Intent.RESCHEDULE)
                || intents.contains(Intent.EMERGENCY);
        String phone = intents.contains(Intent.DIAL_NUMBER) ? null : Intents.phoneNumber(text);
        if (phone != null) {
            s.callbackNumber = phone;
        }
        s.saidNew |= intents.contains(Intent.NEW_PATIENT);
        boolean understood = IdentityAnswers.identity(s, person);

        // in pain, the earliest slot turned down without another time: the emergency line
        boolean otherTime = when != null && (daySaid || when.time() != null || when.partOfDay() != null);
        if (s.emergency && s.awaiting == Awaiting.BOOK_CONFIRM && yesNo == YesNo.NO && !otherTime) {
            return turns.transfer(s, "EMERGENCY");
        }
        // closed questions first: "ja" to "shall I put you through?" is not a new request
        var closed = turns.closedQuestion(s, text, intents, yesNo, goalWords);
        if (closed != null) {
            return closed;
        }
        var direct = turns.requests(s, text, intents, goalWords, treatment.isPresent());
        if (direct != null) {
            return direct;
        }
        if (intents.contains(Intent.UNSUPPORTED_TREATMENT)
                && treatment.isEmpty()
                && s.awaiting != Awaiting.ALTERNATIVE) {
            unsupported(s, text, daySaid ? when : null);
            return null;
        }
        understood |= intents.contains(Intent.DANGER) || intents.contains(Intent.HOURS);
        String alternative = s.alternative;
        When pendingWhen = s.pendingWhen;
        understood |= goal(s, text, intents, treatment, person.rest());

        MoveWords move = MoveWords.split(person.rest());
        boolean moving = s.goal == Goal.RESCHEDULE && move.marked();
        When newWhen = moving ? parse(move.newTime()) : when;
        boolean newDaySaid = moving ? DayWords.mentionsDay(move.newTime()) : daySaid;
        understood |= switch (s.awaiting) {
            case PHONE_PATIENT -> IdentityAnswers.phonePatient(s, yesNo);
            case NEW_PATIENT -> IdentityAnswers.newPatient(s, text, yesNo);
            case REGISTRATION_PHONE -> true; // a number, or none: registered either way
            case SLOT_CHOICE, BOOK_CONFIRM ->
                OfferChoice.choose(s, moving ? move.newTime() : text, newWhen, newDaySaid, yesNo);
            case APPOINTMENT_CHOICE -> appointmentChoice(s, move);
            case CANCEL_CONFIRM -> cancelConfirm(s, yesNo);
            case ALTERNATIVE -> alternative(s, treatment, yesNo, when, alternative, pendingWhen);
            case ANYTHING_ELSE, INTENT -> yesNo == YesNo.YES;
            default -> false;
        };
        boolean choosing = s.awaiting == Awaiting.SLOT_CHOICE
                || s.awaiting == Awaiting.BOOK_CONFIRM
                || s.awaiting == Awaiting.APPOINTMENT_CHOICE;
        if (intents.contains(Intent.EARLIEST) && s.goal == Goal.BOOK) {
            s.earliest = true;
            if (s.when == null && newWhen == null) {
                s.when = earliest();
            }
            understood = true;
        }
        if (newWhen != null && !choosing && wantsTime(s)) {
            s.when = Corrections.merge(s.when, newWhen, newDaySaid);
            s.changeWanted = false;
            if (s.searched) {
                s.clearSearch();
            }
            understood = true;
        }
        if (treatment.isPresent() && s.goal == Goal.BOOK && !treatment.get().equals(s.treatment)) {
            s.treatment = treatment.get();
            s.emergency = treatments.isEmergency(s.treatment);
            s.clearSearch();
            understood = true;
        }
        String doctor = doctors.lastName(text).orElse(null);
        if (doctor != null && wantsTime(s) && !choosing) {
            s.doctor = doctor;
            s.clearSearch();
            understood = true;
        }
        if (understood) {
            s.misunderstood = 0;
            return null;
        }
        if (s.topic == null) {
            s.topic = text;
        }
        if (++s.misunderstood >= 2 || intents.contains(Intent.INJECTION)) {
            s.preface.add(intents.contains(Intent.INJECTION) ? Replies.cannotHelp(l) : Replies.notUnderstood(l));
            s.offerHelp();
        } else {
            s.preface.add(Replies.notUnderstood(l));
        }
        return null;
    }

    /**
     * A new task when the caller names one (cancel and move win over the "Termin" of booking; "ich
     * kann morgen nicht zur Füllung" is a move). For a move or a cancellation, the day and treatment
     * they name pick the appointment; a new time after "auf"/"to" is where to move it.
     */
    private boolean goal(DialogState s, String text, Set<Intent> intents, Optional<String> treatment, String rest) {
        boolean cannotCome = intents.contains(Intent.CANT_MAKE_IT)
                && (intents.contains(Intent.BOOK) || treatment.isPresent())
                && !midTask(s);
        Goal wanted = intents.contains(Intent.CANCEL)
                ? Goal.CANCEL
                : intents.contains(Intent.RESCHEDULE) || cannotCome
                        ? Goal.RESCHEDULE
                        : intents.contains(Intent.BOOK) || intents.contains(Intent.EMERGENCY) || treatment.isPresent()
                                ? Goal.BOOK
                                : null;
        if (wanted == null) {
            return false;
        }
        boolean pain =
                intents.contains(Intent.EMERGENCY) && treatments.emergencyCode().isPresent();
        boolean newTask = s.goal == Goal.NONE
                || (wanted != Goal.BOOK && wanted != s.goal)
                || (wanted == Goal.BOOK && pain && !s.emergency && s.goal == Goal.BOOK);
        if (!newTask) {
            return wanted == s.goal;
        }
        s.startGoal(wanted);
        s.topic = text;
        if (wanted == Goal.BOOK
                && pain
                && treatment.map(treatments::isEmergency).orElse(true)) {
            s.emergency = true;
            s.treatment = treatments.emergencyCode().orElseThrow();
            s.preface.add(Replies.sorryPain(s.language));
        }
        if (wanted != Goal.BOOK) {
            MoveWords move = MoveWords.split(rest);
            if (DayWords.mentionsDay(move.which())) {
                s.appointmentDay = parse(move.which());
            }
            s.appointmentTreatment =
                    treatment.filter(t -> !treatments.isEmergency(t)).orElse(null);
            if (wanted == Goal.RESCHEDULE && move.marked()) {
                s.when = parse(move.newTime());
                s.doctor = doctors.lastName(move.newTime()).orElse(null);
            }
        }
        if (s.awaiting != Awaiting.ANYTHING_ELSE || !s.patientKnown) {
            s.awaiting = Awaiting.INTENT;
        }
        return true;
    }

    /** While Sofia asks about a slot or an appointment, "ich kann nicht" answers her, it is no new task. */
    private static boolean midTask(DialogState s) {
        return switch (s.awaiting) {
            case WHEN, SLOT_CHOICE, BOOK_CONFIRM, APPOINTMENT_CHOICE, CANCEL_CONFIRM, ALTERNATIVE -> true;
            default -> false;
        };
    }

    /** A treatment Sofia cannot book: a consultation about it instead, or a call-back; the name stays. */
    private void unsupported(DialogState s, String text, @Nullable When when) {
        s.startGoal(Goal.NONE);
        s.topic = text;
        s.alternative = treatments.consultation().orElse(null);
        if (s.alternative == null) {
            s.preface.add(Replies.unsupportedTreatment(s.language));
            s.offerHelp();
            return;
        }
        s.pendingWhen = when;
        s.awaiting = Awaiting.ALTERNATIVE;
    }

    /** Yes (or another treatment named) to the alternative: book it, when they said, or the earliest. */
    private boolean alternative(
            DialogState s,
            Optional<String> treatment,
            YesNo yesNo,
            @Nullable When when,
            @Nullable String offered,
            @Nullable When pendingWhen) {
        if (treatment.isEmpty() && yesNo == YesNo.NO) {
            s.startGoal(Goal.NONE);
            s.awaiting = Awaiting.ANYTHING_ELSE;
            return true;
        }
        if (treatment.isEmpty() && yesNo != YesNo.YES) {
            return false;
        }
        if (s.goal != Goal.BOOK) {
            s.startGoal(Goal.BOOK);
        }
        s.treatment = treatment.filter(t -> !treatments.isEmergency(t)).orElse(offered);
        s.emergency = false;
        s.alternative = null;
        s.clearSearch();
        if (when == null) {
            s.when = pendingWhen != null ? pendingWhen : earliest();
            s.earliest = pendingWhen == null;
        }
        return true;
    }

    /** "Die am Donnerstag, auf Freitag bitte": Thursday's appointment, moved to Friday. */
    private boolean appointmentChoice(DialogState s, MoveWords move) {
        String which = move.which();
        var picked = AppointmentChoice.answer(s.appointments, which, parse(which), DayWords.mentionsDay(which));
        picked.ifPresent(a -> s.appointment = a);
        if (picked.isPresent() && move.marked() && s.goal == Goal.RESCHEDULE) {
            s.when = parse(move.newTime());
            doctors.lastName(move.newTime()).ifPresent(d -> s.doctor = d);
        }
        return picked.isPresent();
    }

    private boolean cancelConfirm(DialogState s, YesNo yesNo) {
        if (yesNo == YesNo.YES) {
            s.confirmed = true;
            return true;
        }
        if (yesNo == YesNo.NO) {
            s.preface.add(Replies.keptAppointment(s.language));
            s.startGoal(Goal.NONE);
            s.awaiting = Awaiting.ANYTHING_ELSE;
            return true;
        }
        return false;
    }

    /** Whether a time the caller names is for the task: a booking, or a move once the appointment is known. */
    private static boolean wantsTime(DialogState s) {
        return s.goal == Goal.BOOK || (s.goal == Goal.RESCHEDULE && s.appointment != null);
    }

    private @Nullable When parse(String text) {
        return whenParser.parse(text, call.language()).orElse(null);
    }

    /** "So früh wie möglich": the coming two weeks, from today. */
    private When earliest() {
        LocalDate today = LocalDate.now(
                services.clock().withZone(services.catalog().practice().timeZone()));
        return new When(today, today.plusDays(EARLIEST_SEARCH_DAYS), null, null);
    }
}
