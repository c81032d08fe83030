package dev.sofia.clinic.telephony;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls this process is transferring. Sofia may ask twice (a second turn of the same caller
 * while the first transfer's goodbye plays), and staff may press "take over" while she does;
 * LiveKit would then send the carrier a second REFER, which carriers handle badly. A call counts as
 * being transferred until the transfer failed or for {@link #HOLD}, long after the caller has left.
 */
final class TransfersUnderWay {

    static final Duration HOLD = Duration.ofMinutes(5);

    private final ConcurrentHashMap<String, Long> startedAt = new ConcurrentHashMap<>();

    /** True if this is the first transfer of {@code room} (or the last one is long over). */
    boolean start(String room) {
        long now = System.nanoTime();
        startedAt.values().removeIf(at -> now - at > HOLD.toNanos());
        return startedAt.putIfAbsent(room, now) == null;
    }

    /** The transfer did not happen: another may be tried. */
    void failed(String room) {
        startedAt.remove(room);
    }
}
