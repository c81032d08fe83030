package dev.sofia.agents.livekit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full reconnect: the server asked for one ({@code leave} with action RECONNECT, also its answer
 * to a resume it cannot accept) or resuming failed. The old session is gone on the server, so the
 * room joins afresh under the same identity with the latest token: both peer connections are
 * closed and released, a new signal connection joins without {@code reconnect=1}, new peer
 * connections are negotiated, our tracks are published again and the server subscribes us anew.
 * A few attempts with growing pauses, as the Rust and JS SDKs do; then the room gives up.
 *
 * <p>Runs on its own virtual thread, since every step waits for the server.
 */
final class SessionRejoin {

    private static final Logger log = LoggerFactory.getLogger(SessionRejoin.class);

    private static final Duration[] PAUSES = {Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3)};

    /** What the room does for each step; each may throw to fail the attempt. */
    interface Steps {
        /** Releases the old session: signal, ping, peer connections, data channels, senders. */
        void teardown(Duration timeout);

        /** Opens a new signal connection and waits for the join response (new peer connections). */
        void join(Duration timeout);

        /** Publishes our tracks again on the new publisher. */
        void republish();

        /** Waits until the subscriber is connected and our reliable data channel is open. */
        void awaitConnected(Duration timeout);

        /** The room closed meanwhile (or no longer rejoins). */
        boolean isClosed();
    }

    private SessionRejoin() {}

    /** Tries to rejoin; true when the new session is up, false after the last failed attempt. */
    static boolean run(Steps steps, Duration stepTimeout) throws InterruptedException {
        for (int attempt = 0; attempt < PAUSES.length; attempt++) {
            Thread.sleep(PAUSES[attempt]);
            if (steps.isClosed()) {
                return false;
            }
            try {
                steps.teardown(stepTimeout);
                steps.join(stepTimeout);
                steps.republish();
                steps.awaitConnected(stepTimeout);
                return true;
            } catch (RuntimeException e) {
                log.info("full reconnect attempt {} failed: {}", attempt + 1, e.toString());
            }
        }
        return false;
    }
}
