package dev.sofia.agents.livekit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers room events to listeners on one dedicated virtual thread, in the order they were
 * emitted. Emitting never blocks, so libwebrtc and the engine thread can emit freely; a listener
 * that throws is logged and does not stop the others.
 */
final class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<Consumer<RoomEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;

    EventDispatcher(String name) {
        this.thread =
                Executors.newSingleThreadExecutor(Thread.ofVirtual().name(name).factory());
    }

    void addListener(Consumer<RoomEvent> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<RoomEvent> listener) {
        listeners.remove(listener);
    }

    void emit(RoomEvent event) {
        try {
            thread.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            log.debug("event after close dropped: {}", event);
        }
    }

    private void deliver(RoomEvent event) {
        for (Consumer<RoomEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("room listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Delivers what is queued, then ends the thread; does not wait, so a listener may call it. */
    void close() {
        thread.shutdown();
    }
}
