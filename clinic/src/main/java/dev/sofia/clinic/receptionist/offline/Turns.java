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
 * goodbye, what Sofia does not do (medical advice, unknown treatments, dialling a number the caller
 * names) and Russian. A transfer only ever names a configured line (MAIN or EMERGENCY); a number
 * the caller says is never passed to a tool.
 */
final class Turns {

    private final ReceptionistCall call;

    Turns(ReceptionistCall call) {
        this.call = call;
    }

    @Nullable
    Answer closedQuestion(DialogState s, String text, Set<Intent> intents, YesNo yesNo, boolean goalWords) {
        String l = s.language;
        switch (s.awaiting) {
            case CALLBACK_NUMBER -> {
                String phone = Intents.phoneNumber(text);
                if (phone != null) {
                    s.callbackNumber = phone;
                    return takeMessage(s);
                }
            }
            case HELP_OFFER -> {
                if (goalWords) {
                    return null;
                }
                if (intents.contains(Intent.MESSAGE)) {
                    return message(s);
                }
                if (intents.contains(Intent.PERSON) || yesNo == YesNo.YES) {
                    return transfer(s, "MAIN");
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
            return transfer(s, "MAIN");
        }
        if (intents.contains(Intent.MESSAGE)) {
            topic(s, text);
            return message(s);
        }
        if (intents.contains(Intent.MEDICAL) || (intents.contains(Intent.UNSUPPORTED_TREATMENT) && !knownTreatment)) {
            s.topic = text;
            s.preface.add(intents.contains(Intent.MEDICAL) ? Replies.medical(l) : Replies.unsupportedTreatment(l));
            s.offerHelp();
            return Answer.say(Replies.helpOffer(l));
        }
        for (Intent topic : new Intent[] {Intent.PRICES, Intent.HOURS, Intent.ADDRESS, Intent.PARKING}) {
            if (intents.contains(topic)) {
                return Answer.call("practice_info", "topic", topic.name());
            }
        }
        return null;
    }

    /** Russian: offline Sofia offers a message or a transfer, in Russian. */
    Answer russian(DialogState s, String text) {
        topic(s, text);
        String n = " " + text.toLowerCase(Locale.ROOT) + " ";
        if (s.awaiting == Awaiting.HELP_OFFER) {
            if (n.contains("сообщ") || n.contains("перезвон") || n.contains("номер")) {
                return message(s);
            }
            if (n.contains("соедин") || n.contains("да") || n.contains("сотрудник") || n.contains("человек")) {
                return transfer(s, "MAIN");
            }
            if (n.contains("нет") || n.contains("до свидания")) {
                return goodbye(s);
            }
        }
        s.offerHelp();
        return Answer.say(Replies.helpOffer("ru"));
    }

    Answer message(DialogState s) {
        boolean numberKnown = s.callbackNumber != null
                || call.callerNumber().isPresent()
                || call.patient().map(p -> p.phone() != null).orElse(false);
        if (!numberKnown) {
            s.awaiting = Awaiting.CALLBACK_NUMBER;
            return Answer.say(Replies.askCallbackNumber(s.language));
        }
        return takeMessage(s);
    }

    private Answer takeMessage(DialogState s) {
        String name = s.lastName == null ? null : (s.firstName == null ? "" : s.firstName + " ") + s.lastName;
        return Answer.call("take_message", "reason", reason(s), "callerName", name, "phone", s.callbackNumber);
    }

    private Answer transfer(DialogState s, String line) {
        return Answer.say(Replies.transferring(s.language, line.equals("EMERGENCY")))
                .and("transfer_to_staff", "line", line, "reason", reason(s));
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

    /** What the team reads: the caller's request in their words, without numbers they dictated. */
    private static String reason(DialogState s) {
        String why = s.topic == null
                ? Replies.pick(s.language, "Bitte um Rückruf", "Call-back requested")
                : s.topic.replaceAll("(\\+|00)?\\d[\\d ()/-]{6,}\\d", "[Nummer]");
        return "Offline: " + (why.length() > 200 ? why.substring(0, 200) : why);
    }
}
