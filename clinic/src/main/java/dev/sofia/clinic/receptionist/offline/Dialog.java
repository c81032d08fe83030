package dev.sofia.clinic.receptionist.offline;

import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import java.util.List;
import java.util.Locale;

/**
 * One step of the offline dialog: the tools' outputs and the caller's words read into the state
 * ({@link ToolResults}, {@link Understanding}), then the next step planned ({@link Planner}).
 * Statements gathered on the way ("Vielen Dank, ich habe Sie gefunden.") are spoken before the
 * next question, not before a tool call, so Sofia speaks once per turn.
 */
final class Dialog {

    private final ReceptionistCall call;
    private final Understanding understanding;
    private final Planner planner;

    Dialog(ReceptionistServices services, ReceptionistCall call) {
        this.call = call;
        Treatments treatments = new Treatments(services.catalog().appointmentTypes());
        this.understanding = new Understanding(services, call, treatments);
        this.planner = new Planner(services, call, treatments);
    }

    /** A call's state before the caller said anything: its language, and the calling number's patient. */
    DialogState initialState() {
        DialogState s = new DialogState();
        s.language = call.language();
        call.patient().ifPresent(p -> s.phonePatient = name(p));
        return s;
    }

    Answer answer(DialogState s, String userText, List<FunctionCallOutput> outputs, boolean toolsAllowed) {
        boolean needsAnswer = outputs.isEmpty();
        for (FunctionCallOutput output : outputs) {
            needsAnswer |= ToolResults.absorb(s, output, planner.today());
        }
        String language = s.language;
        Answer answer = null;
        if (!userText.isBlank()) {
            answer = understanding.absorb(s, userText);
        } else if (!needsAnswer) {
            return Answer.silent();
        }
        if (answer == null) {
            answer = planner.next(s);
        }
        if (!toolsAllowed && answer.hasCalls()) {
            // the session allows no more tool rounds in this reply: the next turn goes on from here
            answer = Answer.say(answer.text().isBlank() ? Replies.oneMoment(s.language) : answer.text());
        }
        if (!answer.text().isBlank() || !answer.hasCalls()) {
            answer = answer.prefixed(String.join(" ", s.preface));
            s.preface.clear();
        }
        if (!language.equals(s.language) && toolsAllowed) {
            answer = answer.and("set_language", "language", s.language.toUpperCase(Locale.ROOT));
        }
        return answer;
    }

    private static String name(Patient p) {
        return p.firstName() + " " + p.lastName();
    }
}
