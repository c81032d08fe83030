package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.offline.DialogState.Awaiting;
import dev.sofia.clinic.receptionist.offline.DialogState.Goal;
import org.jspecify.annotations.Nullable;

/**
 * Who the caller is: the calling number's patient confirmed, found by last name and date of birth,
 * or registered. Someone not found is asked whether they are new — unless they said so already, or
 * gave their full name to book (then they are registered at once, as a receptionist would); a
 * caller who wants to move or cancel is never new and is asked for their details again. A new
 * caller who said they are new and called without a number (the web) is asked for one first.
 */
final class Identification {

    private final ReceptionistCall call;

    Identification(ReceptionistCall call) {
        this.call = call;
    }

    /** Before there is a task: what a caller's unasked introduction calls for ("Mustermann, 14.5.1980"). */
    @Nullable
    Answer unasked(DialogState s) {
        if (s.patientKnown) {
            return null;
        }
        boolean started = s.registering || s.notFound || (s.identityComplete() && !s.identityTried);
        return started ? next(s) : null;
    }

    /** The next step towards knowing the patient, or null when they are known. */
    @Nullable
    Answer next(DialogState s) {
        String l = s.language;
        if (s.patientKnown) {
            return null;
        }
        if (s.phonePatient != null && call.patient().isPresent()) {
            return ask(s, Awaiting.PHONE_PATIENT, Replies.phonePatient(l, s.phonePatient));
        }
        if (!s.registering && s.identityComplete() && !s.identityTried) {
            return Answer.call(
                    "identify_patient", "lastName", s.lastName, "dateOfBirth", s.birthDate, "firstName", s.firstName);
        }
        if (s.notFound) {
            s.notFound = false;
            if (s.goal == Goal.CANCEL || s.goal == Goal.RESCHEDULE) {
                return ask(s, Awaiting.IDENTITY, Replies.identityAgain(l));
            }
            if (!s.saidNew && (s.goal != Goal.BOOK || s.firstName == null)) {
                s.notFound = true;
                return ask(s, Awaiting.NEW_PATIENT, Replies.askNew(l));
            }
            s.registering = true;
        }
        if (s.registering) {
            return registration(s);
        }
        if (s.ambiguous) {
            return ask(s, Awaiting.FIRST_NAME, Replies.askFirstName(l));
        }
        if (s.lastName == null && s.birthDate == null) {
            return ask(s, Awaiting.IDENTITY, Replies.askIdentity(l));
        }
        if (s.identityComplete()) {
            return ask(s, Awaiting.IDENTITY, Replies.identityAgain(l));
        }
        return ask(s, Awaiting.IDENTITY, s.lastName == null ? Replies.askLastName(l) : Replies.askBirthDate(l));
    }

    private Answer registration(DialogState s) {
        String l = s.language;
        if (s.lastName == null) {
            return ask(s, Awaiting.REGISTRATION, Replies.askLastName(l));
        }
        if (s.firstName == null) {
            return ask(s, Awaiting.FIRST_NAME, Replies.askFirstName(l));
        }
        if (s.birthDate == null) {
            return ask(s, Awaiting.REGISTRATION, Replies.askBirthDate(l));
        }
        boolean noNumber = s.callbackNumber == null && call.callerNumber().isEmpty();
        if (noNumber && s.saidNew && !s.emergency && !s.phoneAsked) {
            s.phoneAsked = true;
            return ask(s, Awaiting.REGISTRATION_PHONE, Replies.askPhone(l));
        }
        return Answer.call(
                "register_patient",
                "firstName",
                s.firstName,
                "lastName",
                s.lastName,
                "dateOfBirth",
                s.birthDate,
                "phone",
                s.callbackNumber);
    }

    private static Answer ask(DialogState s, Awaiting awaiting, String question) {
        s.awaiting = awaiting;
        return Answer.say(question);
    }
}
