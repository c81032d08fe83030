package dev.sofia.clinic.receptionist.worker;

import dev.sofia.agents.livekit.data.DtmfReceived;
import dev.sofia.agents.voice.AgentSession;
import dev.sofia.clinic.receptionist.PhonePhrases;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.tools.CallTools;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Press 1 for an emergency" (the greeting says so on the phone): the caller's key 1 — DTMF, which
 * livekit-sip sends into the room as a packet from the caller — puts them through to the practice's
 * emergency line, or to its main line if it has none, whatever Sofia was saying. She says she is
 * connecting them, then the call is transferred as her transfer tool would (same outcome, same
 * guard against a second transfer). Other keys are ignored; the key counts once per call.
 */
final class EmergencyKey implements Consumer<DtmfReceived> {

    static final String KEY = "1";

    private static final Logger log = LoggerFactory.getLogger(EmergencyKey.class);

    private final String callerIdentity;
    private final ReceptionistCall call;
    private final ReceptionistServices services;
    private final AgentSession session;
    private final AtomicBoolean pressed = new AtomicBoolean();

    EmergencyKey(String callerIdentity, ReceptionistCall call, ReceptionistServices services, AgentSession session) {
        this.callerIdentity = callerIdentity;
        this.call = call;
        this.services = services;
        this.session = session;
    }

    /** Room thread: must not block. */
    @Override
    public void accept(DtmfReceived tone) {
        if (!tone.senderIdentity().equals(callerIdentity) || !KEY.equals(tone.digit())) {
            log.debug("Key {} in {} ignored", tone.digit(), call.roomName());
            return;
        }
        if (!services.callControl().canPutThroughEmergencies() || !pressed.compareAndSet(false, true)) {
            return;
        }
        CallTools.Line line =
                services.callControl().hasTarget("emergency") ? CallTools.Line.EMERGENCY : CallTools.Line.MAIN;
        log.info("Emergency key pressed in {}: putting the caller through to the {} line", call.roomName(), line);
        String language = call.language();
        String notice = line == CallTools.Line.EMERGENCY
                ? PhonePhrases.connectingEmergencyLine(language)
                : PhonePhrases.connectingTeam(language);
        // Whether or not the caller spoke over the notice, they pressed the key: put them through.
        session.say(notice)
                .whenComplete((heard, error) -> Thread.ofVirtual()
                        .name("emergency-transfer-" + call.roomName())
                        .start(() -> transfer(line)));
    }

    private void transfer(CallTools.Line line) {
        try {
            new CallTools(services, call).transferToStaff(line, "Notfalltaste 1");
        } catch (RuntimeException e) { // a ToolError, or LiveKit unreachable
            log.warn("Emergency transfer in {} failed: {}", call.roomName(), e.getMessage());
            session.say(PhonePhrases.transferFailed(call.language()));
        }
    }
}
