package dev.sofia.agents.livekit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Test helper: records a room's events and waits (generously, without timing claims) for one. */
final class RoomEvents implements Consumer<RoomEvent> {

    private final List<RoomEvent> events = new ArrayList<>();

    static RoomEvents of(Room room) {
        RoomEvents recorder = new RoomEvents();
        room.addListener(recorder);
        return recorder;
    }

    @Override
    public synchronized void accept(RoomEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<RoomEvent> all() {
        return List.copyOf(events);
    }

    <T extends RoomEvent> T await(Class<T> type, Duration timeout) {
        return await(type, e -> true, timeout);
    }

    synchronized <T extends RoomEvent> T await(Class<T> type, Predicate<T> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (RoomEvent event : events) {
                if (type.isInstance(event) && filter.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; events: " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
