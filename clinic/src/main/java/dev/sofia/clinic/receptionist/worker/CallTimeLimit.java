package dev.sofia.clinic.receptionist.worker;

import dev.sofia.agents.voice.AgentSession;
import dev.sofia.clinic.receptionist.PhonePhrases;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice's longest call: when a call reaches it, Sofia says so, says goodbye and the call
 * ends (on the phone she hangs up). livekit-sip cuts a phone call a minute later in any case: the
 * inbound trunk carries the limit plus that grace, in case the worker is gone.
 */
final class CallTimeLimit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallTimeLimit.class);

    private final Thread timer;

    private CallTimeLimit(Thread timer) {
        this.timer = timer;
    }

    static CallTimeLimit start(ReceptionistCall call, AgentSession session, Duration limit) {
        Thread timer = Thread.ofVirtual()
                .name("call-time-limit-" + call.roomName())
                .start(() -> {
                    try {
                        Thread.sleep(limit);
                    } catch (InterruptedException e) {
                        return; // the call ended first
                    }
                    if (session.isClosed()) {
                        return;
                    }
                    log.info(
                            "Call in {} reached the longest call duration ({} min): ending it",
                            call.roomName(),
                            limit.toMinutes());
                    session.say(PhonePhrases.timeUp(call.language()));
                    session.endCall();
                });
        return new CallTimeLimit(timer);
    }

    @Override
    public void close() {
        timer.interrupt();
    }
}
