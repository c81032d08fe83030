package dev.sofia.clinic.calls;

import dev.sofia.clinic.livekit.LiveKitCallException;
import dev.sofia.clinic.livekit.LiveKitClients;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import livekit.LivekitModels.Room;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes sessions whose end Sofia never heard of: webhooks can be dropped (LiveKit gives up on a
 * queue older than 30 s), and Sofia may have been down when the room closed. A session still open
 * after {@link CallsProperties#sweepGrace()} whose room LiveKit no longer has is closed with reason
 * {@value #SWEPT}. If LiveKit cannot be asked, only sessions older than {@link
 * CallsProperties#maxDuration()} are closed, since no call lasts that long.
 */
@Component
public class CallSweeper {

    static final String SWEPT = "swept";

    private static final Logger log = LoggerFactory.getLogger(CallSweeper.class);
    private static final int BATCH = 100;

    private final CallSessions sessions;
    private final LiveKitClients liveKit;
    private final CallsProperties properties;
    private final Clock clock;

    CallSweeper(CallSessions sessions, LiveKitClients liveKit, CallsProperties properties, Clock clock) {
        this.sessions = sessions;
        this.liveKit = liveKit;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${sofia.calls.sweep-interval:PT1M}",
            initialDelayString = "${sofia.calls.sweep-interval:PT1M}")
    void scheduledSweep() {
        try {
            int closed = sweep();
            if (closed > 0) {
                log.info("Closed {} call sessions whose room is gone", closed);
            }
        } catch (RuntimeException e) {
            log.warn("Call session sweep failed; it runs again in {}", properties.sweepInterval(), e);
        }
    }

    /** One sweep, now; returns how many sessions it closed. */
    public int sweep() {
        Instant now = clock.instant();
        Instant createdBefore = now.minus(properties.sweepGrace());
        int closed = 0;
        CallSession after = null;
        List<CallSession> open;
        do {
            open = sessions.openCreatedBefore(createdBefore, after, BATCH);
            closed += sweep(open, now);
            after = open.isEmpty() ? null : open.getLast();
        } while (open.size() == BATCH);
        return closed;
    }

    private int sweep(List<CallSession> open, Instant now) {
        if (open.isEmpty()) {
            return 0;
        }
        Set<String> live;
        try {
            live = liveRooms(open);
        } catch (LiveKitCallException e) {
            Instant tooOld = now.minus(properties.maxDuration());
            log.warn(
                    "Cannot list LiveKit rooms ({}); closing only sessions older than {}",
                    e.getMessage(),
                    properties.maxDuration());
            return closeAll(
                    open.stream().filter(s -> s.createdAt().isBefore(tooOld)).toList(), now);
        }
        return closeAll(open.stream().filter(s -> !live.contains(s.roomName())).toList(), now);
    }

    private Set<String> liveRooms(List<CallSession> open) {
        List<String> names = open.stream().map(CallSession::roomName).toList();
        List<Room> rooms = LiveKitClients.require("list rooms", liveKit.rooms().listRooms(names));
        Set<String> live = new HashSet<>();
        rooms.forEach(room -> live.add(room.getName()));
        return live;
    }

    private int closeAll(List<CallSession> gone, Instant now) {
        int closed = 0;
        for (CallSession session : gone) {
            if (sessions.close(session.id(), SWEPT, now)) {
                closed++;
            }
        }
        return closed;
    }
}
