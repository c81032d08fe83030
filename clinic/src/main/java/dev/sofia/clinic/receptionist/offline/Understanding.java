package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.offline.Confirmations.YesNo;
import dev.sofia.clinic.receptionist.offline.DialogState.Awaiting;
import dev.sofia.clinic.receptionist.offline.DialogState.Goal;
import dev.sofia.clinic.receptionist.offline.DialogState.Offer;
import dev.sofia.clinic.receptionist.offline.Intents.Intent;
import dev.sofia.clinic.receptionist.time.When;
import dev.sofia.clinic.receptionist.time.WhenParser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one caller utterance into the dialog state: first what it asks for beyond the current task
 * (a person, a message, opening hours, goodbye — answered at once), then the answer to the
 * question Sofia asked (which slot, yes or no, a correction), then any slot it fills on the way
 * (name and date of birth, treatment, when, doctor). Nothing understood twice in a row: the
 * caller is offered a person or a message.
 */
final class Understanding {

    private final ReceptionistServices services;
    private final ReceptionistCall call;
    private final Treatments treatments;
    private final WhenParser whenParser;
    private final Turns turns;

    Understanding(ReceptionistServices services, ReceptionistCall call, Treatments treatments) {
        this.services = services;
        this.call = call;
        this.treatments = treatments;
        this.whenParser =
                new WhenParser(services.clock(), services.catalog().practice().timeZone());
        this.turns = new Turns(call);
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

        // closed questions first: "ja" to "shall I put you through?" is not a new request
        var closed = turns.closedQuestion(s, text, intents, yesNo, goalWords);
        if (closed != null) {
            return closed;
        }
        var direct = turns.requests(s, text, intents, goalWords, treatment.isPresent());
        if (direct != null) {
            return direct;
        }
        boolean understood = intents.contains(Intent.DANGER) || intents.contains(Intent.HOURS);
        understood |= goal(s, text, intents, treatment);

        understood |= identity(s, person);
        understood |= switch (s.awaiting) {
            case PHONE_PATIENT -> phonePatient(s, yesNo);
            case NEW_PATIENT -> newPatient(s, text, yesNo);
            case SLOT_CHOICE, BOOK_CONFIRM -> choice(s, text, when, daySaid, yesNo);
            case APPOINTMENT_CHOICE -> appointmentChoice(s, text, when, daySaid);
            case CANCEL_CONFIRM -> cancelConfirm(s, yesNo);
            case ANYTHING_ELSE, INTENT -> yesNo == YesNo.YES;
            default -> false;
        };
        boolean choosing = s.awaiting == Awaiting.SLOT_CHOICE
                || s.awaiting == Awaiting.BOOK_CONFIRM
                || s.awaiting == Awaiting.APPOINTMENT_CHOICE;
        if (when != null && !choosing && wantsTime(s)) {
            s.when = Corrections.merge(s.when, when, daySaid);
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
        String doctor = doctor(text);
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

    /** A new task when the caller names one (cancel and move win over the "Termin" of booking). */
    private boolean goal(DialogState s, String text, Set<Intent> intents, Optional<String> treatment) {
        Goal wanted = intents.contains(Intent.CANCEL)
                ? Goal.CANCEL
                : intents.contains(Intent.RESCHEDULE)
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
        if (s.awaiting != Awaiting.ANYTHING_ELSE || !s.patientKnown) {
            s.awaiting = Awaiting.INTENT;
        }
        return true;
    }

    private boolean identity(DialogState s, NameAndBirthDate person) {
        boolean asked = switch (s.awaiting) {
            case IDENTITY, FIRST_NAME, REGISTRATION -> true;
            default -> false;
        };
        if (s.patientKnown || !(asked || person.birthDate() != null || person.named())) {
            return false;
        }
        boolean changed = false;
        if (s.awaiting == Awaiting.FIRST_NAME && person.lastName() != null && person.firstName() == null) {
            s.firstName = person.lastName(); // one word asked for the first name is the first name
            changed = true;
        } else {
            if (person.firstName() != null) {
                s.firstName = person.firstName();
                changed = true;
            }
            if (person.lastName() != null) {
                s.lastName = person.lastName();
                changed = true;
            }
        }
        if (person.birthDate() != null) {
            s.birthDate = person.birthDate();
            changed = true;
        }
        if (changed && !s.registering) {
            s.identityChanged();
        }
        return changed;
    }

    private boolean phonePatient(DialogState s, YesNo yesNo) {
        if (yesNo == YesNo.NONE) {
            return false;
        }
        s.patientKnown = yesNo == YesNo.YES;
        s.phonePatient = null;
        return true;
    }

    private boolean newPatient(DialogState s, String text, YesNo yesNo) {
        String n = Words.normalize(text);
        if (yesNo == YesNo.YES || n.contains(" neu ") || n.contains(" new ") || n.contains(" erste mal ")) {
            s.registering = true;
            s.notFound = false;
            return true;
        }
        if (yesNo == YesNo.NO) {
            s.lastName = null;
            s.birthDate = null;
            s.firstName = null;
            s.identityChanged();
            s.preface.add(Replies.identityAgain(s.language));
            return true;
        }
        return false;
    }

    /** Which offer, a correction of when, or yes/no to the read-back. */
    private boolean choice(DialogState s, String text, @Nullable When when, boolean daySaid, YesNo yesNo) {
        boolean confirming = s.awaiting == Awaiting.BOOK_CONFIRM;
        boolean corrects = when != null && (daySaid || when.time() != null || when.partOfDay() != null);
        Optional<Offer> picked =
                confirming && yesNo != YesNo.NO ? Optional.empty() : SlotChoice.choose(text, when, daySaid, s.offers);
        if (picked.isPresent() && !picked.get().equals(s.chosen)) {
            s.chosen = picked.get();
            s.held = false;
            s.confirmed = false;
            return true;
        }
        if (corrects) {
            s.when = Corrections.merge(s.when, when, daySaid);
            s.clearSearch();
            return true;
        }
        Optional<When> shifted = Corrections.shift(text, s.when, s.chosen != null ? s.chosen : lastOffer(s));
        if (shifted.isPresent()) {
            s.when = shifted.get();
            s.clearSearch();
            return true;
        }
        if (confirming && yesNo == YesNo.YES) {
            s.confirmed = true;
            return true;
        }
        if (yesNo == YesNo.NO) {
            s.clearSearch();
            s.when = null;
            s.changeWanted = true;
            return true;
        }
        return yesNo == YesNo.YES; // "ja" to several offers: they are offered again
    }

    private static @Nullable Offer lastOffer(DialogState s) {
        return s.offers.isEmpty() ? null : s.offers.getLast();
    }

    private boolean appointmentChoice(DialogState s, String text, @Nullable When when, boolean daySaid) {
        var asOffers = s.appointments.stream()
                .map(a -> new Offer(a.appointmentId(), a.date(), a.time(), a.spoken(), a.doctor()))
                .toList();
        Optional<Offer> picked = SlotChoice.choose(text, when, daySaid, asOffers);
        picked.ifPresent(p -> s.appointment = s.appointments.stream()
                .filter(a -> a.appointmentId().equals(p.slotId()))
                .findFirst()
                .orElseThrow());
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

    private @Nullable String doctor(String text) {
        String n = Words.normalize(text);
        return services.catalog().doctors().stream()
                .filter(Doctor::active)
                .filter(d -> SlotChoice.mentionsDoctor(n, d.displayName()))
                .map(d -> List.of(d.displayName()
                                .replaceAll("\\(.*\\)", "")
                                .strip()
                                .split(" "))
                        .getLast())
                .findFirst()
                .orElse(null);
    }
}
