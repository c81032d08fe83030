package dev.sofia.agents.livekit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes a session after the signal connection broke or a peer connection failed, without
 * leaving the room: the server keeps our participant, tracks and subscriptions for a while, so a
 * resume is invisible to the others. Per attempt: open a signal connection with {@code
 * reconnect=1&sid=…} and wait for the server's {@code reconnect} answer, send {@code sync_state},
 * offer the publisher with an ICE restart, wait until both peer connections are connected. A few
 * attempts with growing pauses, as the Rust and JS SDKs do; then the room gives up.
 *
 * <p>Runs on its own virtual thread, since every step waits for the server.
 */
final class SessionResume {

    private static final Logger log = LoggerFactory.getLogger(SessionResume.class);

    private static final Duration[] PAUSES = {
        Duration.ZERO, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)
    };

    /** What the room does for each step; each may throw to fail the attempt. */
    interface Steps {
        /** Opens a resuming signal connection and waits for the server's {@code reconnect}. */
        void reopenSignal(Duration timeout);

        /** Sends {@code sync_state} and the ICE-restart offer (on the engine thread). */
        void resync(Duration timeout);

        boolean peersConnected();

        /** The room closed meanwhile (e.g. the server refused the resume with a leave). */
        boolean isClosed();
    }

    private SessionResume() {}

    /** Tries to resume; true when the session is back, false after the last failed attempt. */
    static boolean run(Steps steps, Duration stepTimeout) throws InterruptedException {
        for (int attempt = 0; attempt < PAUSES.length; attempt++) {
            Thread.sleep(PAUSES[attempt]);
            if (steps.isClosed()) {
                return false;
            }
            try {
                steps.reopenSignal(stepTimeout);
                steps.resync(stepTimeout);
                awaitPeers(steps, stepTimeout);
                return true;
            } catch (RuntimeException e) {
                log.info("resume attempt {} failed: {}", attempt + 1, e.toString());
            }
        }
        return false;
    }

    private static void awaitPeers(Steps steps, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!steps.peersConnected()) {
            if (steps.isClosed() || System.nanoTime() > deadline) {
                throw new RoomException("peer connections did not reconnect within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }
}
