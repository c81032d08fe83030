package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.offline.Confirmations.YesNo;
import dev.sofia.clinic.receptionist.offline.DialogState.Awaiting;
import dev.sofia.clinic.receptionist.offline.Intents.Intent;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The turns answered at once, outside the booking slots: the answer to a closed question (shall I
 * put you through? anything else?), requests for a person, a message, practice information or
 * goodbye, what Sofia does not do (medical advice, dialling a number the caller names) and
 * Russian. A transfer only ever names a configured line (MAIN or EMERGENCY — the emergency line
 * whenever the caller is in pain or had an accident); a number the caller says is never passed to
 * a transfer, only to a message as the number to call back. Reasons are {@link Reasons}.
 */
final class Turns {

    private final ReceptionistCall call;
    private final DoctorWish doctors;

    Turns(ReceptionistCall call, DoctorWish doctors) {
        this.call = call;
        this.doctors = doctors;
    }

    @Nullable
    Answer closedQuestion(DialogState s, String text, Set<Intent> intents, YesNo yesNo, boolean goalWords) {
        String l = s.language;
        switch (s.awaiting) {
            case CALLBACK_NUMBER -> {
                if (s.callbackNumber != null) {
                    return takeMessage(s);
                }
            }
            case HELP_OFFER -> {
                if (goalWords) {
                    return null;
                }
                if (intents.contains(Intent.MESSAGE) || Intents.phoneNumber(text) != null) {
                    return message(s);
                }
                if (intents.contains(Intent.PERSON) || yesNo == YesNo.YES) {
                    return transfer(s, line(s, intents));
                }
                if (yesNo == YesNo.NO) {
                    s.awaiting = Awaiting.ANYTHING_ELSE;
                    return Answer.say(Replies.anythingElse(l));
                }
            }
            case MESSAGE_OFFER -> {
                if (yesNo == YesNo.YES || intents.contains(Intent.MESSAGE) || Intents.phoneNumber(text) != null) {
                    return message(s);
                }
                if (yesNo == YesNo.NO) {
                    s.awaiting = Awaiting.ANYTHING_ELSE;
                    return Answer.say(Replies.anythingElse(l));
                }
            }
            case EMERGENCY_TRANSFER -> {
                if (yesNo == YesNo.YES || intents.contains(Intent.PERSON)) {
                    return transfer(s, "EMERGENCY");
                }
                if (yesNo == YesNo.NO) {
                    s.offerHelp();
                    return Answer.say(Replies.helpOffer(l));
                }
            }
            case ANYTHING_ELSE -> {
                if (!goalWords && (yesNo == YesNo.NO || intents.contains(Intent.GOODBYE))) {
                    return goodbye(s);
                }
            }
            default -> {}
        }
        return null;
    }

    @Nullable
    Answer requests(DialogState s, String text, Set<Intent> intents, boolean goalWords, boolean knownTreatment) {
        String l = s.language;
        if (intents.contains(Intent.DANGER)) {
            s.preface.add(Replies.danger(l));
        }
        if (intents.contains(Intent.DIAL_NUMBER)) {
            s.preface.add(Replies.noOtherNumbers(l));
            s.offerHelp();
            return Answer.say(Replies.helpOffer(l));
        }
        if (intents.contains(Intent.GOODBYE) && !goalWords) {
            return goodbye(s);
        }
        if (intents.contains(Intent.PERSON)) {
            topic(s, text);
            return transfer(s, line(s, intents));
        }
        if (intents.contains(Intent.MESSAGE)) {
            topic(s, text);
            return message(s);
        }
        if (intents.contains(Intent.MEDICAL)) {
            s.topic = text;
            s.preface.add(Replies.medical(l));
            s.offerHelp();
            return Answer.say(Replies.helpOffer(l));
        }
        for (Intent topic : new Intent[] {Intent.PRICES, Intent.HOURS, Intent.ADDRESS, Intent.PARKING}) {
            if (intents.contains(topic)) {
                return Answer.call("practice_info", "topic", topic.name());
            }
        }
        if (intents.contains(Intent.QUESTION) && !goalWords && !knownTreatment && s.goal == DialogState.Goal.NONE) {
            s.topic = text; // a question for the team: a person or a call-back
            s.offerHelp();
            return Answer.say(Replies.helpOffer(l));
        }
        return null;
    }

    /**
     * Russian: offline Sofia cannot serve it, so she offers the team's call-back (or, in pain, the
     * emergency line) with a yes-or-no question, and takes the message at once when asked for one.
     */
    Answer russian(DialogState s, String text) {
        s.topic = s.topic == null ? text : s.topic + " " + text; // the team reads what it was about
        String n = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        boolean yes = n.matches(".* (да|хорошо|конечно|давайте|пожалуйста|ок|угу) .*");
        boolean no = n.contains(" нет ") || n.contains(" не надо ");
        boolean callBack = n.contains("перезвон") || n.contains("сообщ") || n.contains("позвоните");
        boolean person = n.contains("соедин") || n.contains("сотрудник") || n.contains("человек");
        if (n.contains("болит") || n.contains(" боль") || n.contains("опух") || n.contains("кров")) {
            s.emergency = true;
        }
        if (callBack) {
            return message(s);
        }
        switch (s.awaiting) {
            case HELP_OFFER, MESSAGE_OFFER -> {
                if (person && s.awaiting == Awaiting.HELP_OFFER) {
                    return transfer(s, s.emergency ? "EMERGENCY" : "MAIN");
                }
                if (yes) {
                    return message(s);
                }
                if (no) {
                    return goodbye(s);
                }
            }
            case EMERGENCY_TRANSFER -> {
                if (yes || person) {
                    return transfer(s, "EMERGENCY");
                }
                if (no) {
                    s.awaiting = Awaiting.HELP_OFFER;
                    return Answer.say(TeamReplies.messageOffer("ru"));
                }
            }
            default -> {}
        }
        if (s.emergency) {
            s.awaiting = Awaiting.EMERGENCY_TRANSFER;
            return Answer.say(TeamReplies.russianEmergencyOffer());
        }
        s.awaiting = Awaiting.HELP_OFFER;
        return Answer.say(TeamReplies.russianMessageOffer());
    }

    Answer message(DialogState s) {
        boolean numberKnown = s.callbackNumber != null
                || call.callerNumber().isPresent()
                || call.patient().map(p -> p.phone() != null).orElse(false);
        if (!numberKnown) {
            s.awaiting = Awaiting.CALLBACK_NUMBER;
            return Answer.say(TeamReplies.askCallbackNumber(s.language));
        }
        return takeMessage(s);
    }

    private Answer takeMessage(DialogState s) {
        String name = s.lastName == null ? null : (s.firstName == null ? "" : s.firstName + " ") + s.lastName;
        return Answer.call("take_message", "reason", reason(s, false), "callerName", name, "phone", s.callbackNumber);
    }

    Answer transfer(DialogState s, String line) {
        boolean emergency = line.equals("EMERGENCY");
        if (emergency) {
            s.emergency = true;
        }
        return Answer.say(TeamReplies.transferring(s.language, emergency))
                .and("transfer_to_staff", "line", line, "reason", reason(s, true));
    }

    /** The emergency line for a caller in pain or after an accident, else the practice team. */
    private static String line(DialogState s, Set<Intent> intents) {
        return s.emergency || intents.contains(Intent.EMERGENCY) ? "EMERGENCY" : "MAIN";
    }

    private static Answer goodbye(DialogState s) {
        s.awaiting = Awaiting.ENDED;
        return Answer.say(Replies.goodbye(s.language)).and("end_call");
    }

    private static void topic(DialogState s, String text) {
        if (s.topic == null) {
            s.topic = text;
        }
    }

    /** What the team reads: a few words on what the caller wants, never their own sentence. */
    private String reason(DialogState s, boolean person) {
        Set<Intent> about = s.topic == null ? Set.of() : Intents.detect(s.topic);
        return Reasons.of(
                s.topic,
                s.emergency || about.contains(Intent.EMERGENCY),
                person || about.contains(Intent.PERSON),
                about.contains(Intent.MEDICAL),
                s.topic == null ? null : doctors.shortName(s.topic).orElse(null),
                s.language.equals("ru"));
    }
}
