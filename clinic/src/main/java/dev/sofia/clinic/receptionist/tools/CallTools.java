package dev.sofia.clinic.receptionist.tools;

import dev.sofia.agents.tools.Description;
import dev.sofia.agents.tools.Tool;
import dev.sofia.agents.tools.ToolContext;
import dev.sofia.agents.tools.ToolError;
import dev.sofia.agents.voice.AgentSession;
import dev.sofia.clinic.calls.CallMessage;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.calls.NewCallMessage;
import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.telephony.CallControl;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The call itself: a message for the team, a transfer to the front desk or the emergency line, and
 * the end of the call. A transfer only ever goes to a line the practice configured — the model
 * names the line, never a number, so "transfer me to +1 900 …" has nothing to act on.
 */
public final class CallTools {

    /** CallControl's refusal of a second transfer of the same call (docs/errors.md). */
    private static final String TRANSFER_UNDER_WAY = "transfer-under-way";

    /** The lines a call can be transferred to. */
    public enum Line {
        MAIN,
        EMERGENCY
    }

    private final ReceptionistServices services;
    private final ReceptionistCall call;
    private final Outcomes outcomes;

    public CallTools(ReceptionistServices services, ReceptionistCall call) {
        this.services = services;
        this.call = call;
        this.outcomes = new Outcomes(services, call);
    }

    @Tool(
            value = "Takes a message for the practice team, who will call back: e.g. outside opening hours, when "
                    + "the caller wants a person, or when you cannot help.",
            interruptible = false)
    public ToolReplies.Answer takeMessage(
            @Description("what the caller wants, in a short sentence") String reason,
            @Description("the caller's name, if known") @Nullable String callerName,
            @Description("the number to call back, if the caller gave one") @Nullable String phone) {
        Patient patient = call.patient().orElse(null);
        String name = callerName != null && !callerName.isBlank()
                ? callerName.strip()
                : patient == null ? null : patient.firstName() + " " + patient.lastName();
        String number = phone != null && !phone.isBlank()
                ? phone
                : call.callerNumber().orElse(patient == null ? null : patient.phone());
        CallMessage message = ToolProblems.translated(() -> services.messages()
                .create(new NewCallMessage(
                        call.callSessionId().orElse(null),
                        patient == null ? null : patient.id().value(),
                        CallMessage.Kind.CALLBACK,
                        name,
                        number,
                        Catalogue.clip(reason.length() > 300 ? reason.substring(0, 300) : reason),
                        call.language())));
        outcomes.record(CallOutcome.MESSAGE, "Rückrufbitte: " + message.reason());
        return new ToolReplies.Answer(
                "message-taken", number == null ? "no call-back number: ask for one" : "the team will call back");
    }

    @Tool(
            value = "Transfers the caller to the practice team (MAIN) or the emergency line (EMERGENCY). Say "
                    + "that you are connecting them first; it happens once you have finished speaking.",
            interruptible = false,
            afterPlayout = true)
    public ToolReplies.Answer transferToStaff(
            Line line, @Description("why, in a few words, for the team") @Nullable String reason) {
        String kind = line.name().toLowerCase(Locale.ROOT);
        String why = reason == null || reason.isBlank() ? "Weiterleitung gewünscht" : Catalogue.clip(reason);
        if (call.channel() == ReceptionistCall.Channel.PHONE) {
            CallControl.Transfer transfer;
            try {
                transfer = ToolProblems.translated(() -> services.callControl().transfer(call.roomName(), kind));
            } catch (ToolError e) {
                if (TRANSFER_UNDER_WAY.equals(ToolProblems.codeOf(e.getMessage()))) {
                    // asked again while the first transfer goes through: that one stands
                    return new ToolReplies.Answer("transferred", "the call is already being handed over");
                }
                throw e;
            }
            outcomes.record(CallOutcome.TRANSFERRED, "Weitergeleitet an " + transfer.label() + ": " + why);
            return new ToolReplies.Answer("transferred", "the call was handed to " + transfer.label());
        }
        // a web or console caller cannot be put through: the team gets a handover to pick up
        Patient patient = call.patient().orElse(null);
        ToolProblems.translated(() -> services.messages()
                .create(new NewCallMessage(
                        call.callSessionId().orElse(null),
                        patient == null ? null : patient.id().value(),
                        CallMessage.Kind.HANDOVER,
                        patient == null ? null : patient.firstName() + " " + patient.lastName(),
                        patient == null ? null : patient.phone(),
                        (line == Line.EMERGENCY ? "Notfall: " : "") + why,
                        call.language())));
        outcomes.record(CallOutcome.TRANSFERRED, "Übergabe an das Team (" + kind + "): " + why);
        return new ToolReplies.Answer(
                "handover-requested", "the team has been notified and will take over or call back; tell the caller so");
    }

    /** The languages Sofia speaks. */
    public enum Language {
        DE,
        EN,
        RU
    }

    @Tool("Switches the language you speak, when the caller speaks another one than you (German, English or "
            + "Russian); answer in it from then on.")
    public ToolReplies.Answer setLanguage(Language language) {
        call.language(language.name().toLowerCase(Locale.ROOT));
        return new ToolReplies.Answer("language-set", call.language());
    }

    @Tool(value = "Ends the call, after you said goodbye and the caller has nothing more.", afterPlayout = true)
    public ToolReplies.Answer endCall(ToolContext context) {
        context.get(AgentSession.class).ifPresent(AgentSession::endCall);
        return new ToolReplies.Answer("ending", "the call ends now");
    }
}
