package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.offline.Confirmations.YesNo;
import dev.sofia.clinic.receptionist.offline.DialogState.Awaiting;

/**
 * The caller's words about who they are, read into the state: a name and date of birth when Sofia
 * asked for them or the caller clearly gave them ("mein Name ist …", a birth date); a name said
 * with a message for the team; yes or no to "Spreche ich mit …?" and to "Sind Sie neu bei uns?".
 * Each returns whether the words answered something.
 */
final class IdentityAnswers {

    private IdentityAnswers() {}

    /** The caller's name and birth date, when asked for or clearly given; for a message, their name. */
    static boolean identity(DialogState s, NameAndBirthDate person) {
        boolean asked = switch (s.awaiting) {
            case IDENTITY, FIRST_NAME, REGISTRATION -> true;
            default -> false;
        };
        boolean forMessage = switch (s.awaiting) {
            case HELP_OFFER, CALLBACK_NUMBER, MESSAGE_OFFER, ALTERNATIVE -> true;
            default -> false;
        };
        if (forMessage
                && !asked
                && s.lastName == null
                && person.lastName() != null
                && Character.isUpperCase(person.lastName().charAt(0))) {
            s.firstName = person.firstName();
            s.lastName = person.lastName();
            return false; // a name alone answers nothing
        }
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

    static boolean phonePatient(DialogState s, YesNo yesNo) {
        if (yesNo == YesNo.NONE) {
            return false;
        }
        s.patientKnown = yesNo == YesNo.YES;
        s.phonePatient = null;
        return true;
    }

    static boolean newPatient(DialogState s, String text, YesNo yesNo) {
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
}
