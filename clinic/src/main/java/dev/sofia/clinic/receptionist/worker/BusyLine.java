package dev.sofia.clinic.receptionist.worker;

import dev.sofia.agents.voice.AgentSession;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.receptionist.PhonePhrases;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.tools.CallTools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call over the practice's limit of calls at once: Sofia does not take it up (no speech
 * recognition, no model: what the limit is there to bound). She says all lines are busy, then puts
 * a phone caller through to the main line if the practice has one, or else asks them to call again
 * and hangs up.
 */
final class BusyLine {

    private static final Logger log = LoggerFactory.getLogger(BusyLine.class);

    private BusyLine() {}

    static void answer(ReceptionistCall call, ReceptionistServices services, AgentSession session, int maxCalls) {
        String language = call.language();
        boolean putThrough = call.channel() == ReceptionistCall.Channel.PHONE
                && services.callControl().hasTarget("main");
        log.info(
                "All lines busy ({} calls at once): {} the call in {}",
                maxCalls,
                putThrough ? "transferring" : "ending",
                call.roomName());
        String why = "Alle Leitungen belegt (höchstens " + maxCalls + " Gespräche gleichzeitig)";
        if (putThrough) {
            session.say(PhonePhrases.busyConnectingTeam(language))
                    .whenComplete((heard, error) -> Thread.ofVirtual()
                            .name("busy-transfer-" + call.roomName())
                            .start(() -> transfer(call, services, session, why)));
            return;
        }
        call.callSessionId().ifPresent(id -> services.records().recordOutcome(id, CallOutcome.ABANDONED, why));
        session.say(PhonePhrases.busyCallAgain(language));
        session.endCall();
    }

    private static void transfer(
            ReceptionistCall call, ReceptionistServices services, AgentSession session, String why) {
        try {
            new CallTools(services, call).transferToStaff(CallTools.Line.MAIN, why);
        } catch (RuntimeException e) { // a ToolError, or LiveKit unreachable
            log.warn("Could not put the busy call in {} through: {}", call.roomName(), e.getMessage());
            session.say(PhonePhrases.busyCallAgain(call.language()));
            session.endCall();
        }
    }
}
