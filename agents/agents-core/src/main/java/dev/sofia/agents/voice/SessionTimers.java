package dev.sofia.agents.voice;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The session's timers. A timer fires by posting a signal to the loop; restarting or cancelling it
 * only changes its token, so a timer that fires after it was cancelled is recognised as stale and
 * ignored (no race with the loop). Used only from the loop's thread, except the firing.
 */
final class SessionTimers {

    enum Kind {
        /** The caller's turn is over unless they speak again. */
        ENDPOINT,
        /** A paused reply resumes if the caller said nothing after all. */
        FALSE_INTERRUPTION,
        /** The caller has been silent too long. */
        AWAY
    }

    private final SessionLoop loop;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("session-timers").factory());
    private final Map<Kind, Long> current = new EnumMap<>(Kind.class);
    private long tokens;

    SessionTimers(SessionLoop loop) {
        this.loop = loop;
    }

    void start(Kind kind, Duration delay) {
        long token = ++tokens;
        current.put(kind, token);
        scheduler.schedule(
                () -> loop.post(new SessionSignal.Timer(kind, token)), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the silence timer; not in a text-only session, where nobody is expected to speak. */
    void startAway() {
        if (loop.hearsAudio()) {
            start(Kind.AWAY, loop.options().userAwayTimeout());
        }
    }

    void cancel(Kind kind) {
        current.remove(kind);
    }

    /** Whether a fired timer is still the live one (and consumes it). */
    boolean isCurrent(Kind kind, long token) {
        Long live = current.get(kind);
        if (live != null && live == token) {
            current.remove(kind);
            return true;
        }
        return false;
    }

    void close() {
        current.clear();
        scheduler.shutdownNow();
    }
}
