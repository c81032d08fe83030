package dev.sofia.agents.testkit.cartesia;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The server side of one Cartesia WebSocket. Each generation request's text becomes PCM at once
 * ({@link FakeCartesiaServer#pcm}), sent as {@code chunk}s of at most {@code chunkBytes}, preceded
 * by {@code timestamps} for its words if asked; {@code continue: false} ends the context with {@code
 * done}. A context's first answer leaves {@code firstChunkLatency} after its first request, each
 * further chunk {@code chunkInterval} after the one before; a context's answers keep their order,
 * contexts run side by side (their chunks interleave, as Cartesia's may).
 */
final class TtsSocket extends WebSocketListener {

    /** A scripted failure once {@code afterChunks} chunks were sent: a drop, or an error message. */
    record Fault(int afterChunks, int status, @Nullable String message) {}

    private final FakeCartesiaSession session;
    private final Duration firstChunkLatency;
    private final Duration chunkInterval;
    private final int chunkBytes;
    private final @Nullable Fault fault;
    private final Consumer<WebSocket> drop;
    private final Set<String> started = new HashSet<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    // One thread per context, first in first out: a context's answers keep their order whatever
    // their delays, and contexts run side by side as Cartesia multiplexes them.
    private final Map<String, ExecutorService> outboxes = new ConcurrentHashMap<>();
    private final AtomicInteger chunksSent = new AtomicInteger();
    private volatile boolean failed;

    TtsSocket(
            FakeCartesiaSession session,
            Duration firstChunkLatency,
            Duration chunkInterval,
            int chunkBytes,
            @Nullable Fault fault,
            Consumer<WebSocket> drop) {
        this.session = session;
        this.firstChunkLatency = firstChunkLatency;
        this.chunkInterval = chunkInterval;
        this.chunkBytes = chunkBytes;
        this.fault = fault;
        this.drop = drop;
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        JsonNode request = CartesiaWire.JSON.readTree(text);
        String context = request.path("context_id").asString("");
        if (request.path("cancel").asBoolean(false)) {
            session.receivedOther(text);
            cancelled.add(context);
            return;
        }
        String transcript = request.path("transcript").asString("");
        session.received(text, context, transcript);
        String missing = missingField(request);
        if (missing != null) {
            later(
                    context,
                    Duration.ZERO,
                    () -> socket.send(CartesiaWire.error(context, 400, missing + " is required")));
            return;
        }
        Duration delay = started.add(context) ? firstChunkLatency : Duration.ZERO;
        if (!transcript.isBlank()) {
            int rate = request.path("output_format").path("sample_rate").asInt();
            byte[] pcm = FakeCartesiaServer.pcm(transcript, rate);
            if (request.path("add_timestamps").asBoolean(false)) {
                List<String> words = Arrays.asList(transcript.trim().split("\\s+"));
                double seconds = pcm.length / (2.0 * rate);
                String timestamps = CartesiaWire.timestamps(context, words, 0, seconds / words.size());
                later(context, delay, () -> send(socket, context, timestamps));
                delay = Duration.ZERO;
            }
            for (int at = 0; at < pcm.length; at += chunkBytes) {
                byte[] piece = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + chunkBytes));
                if (at == 0) {
                    later(context, delay, () -> sendChunk(socket, context, piece));
                } else {
                    afterPrevious(context, chunkInterval, () -> sendChunk(socket, context, piece));
                }
            }
        }
        if (!request.path("continue").asBoolean(false)) {
            later(context, Duration.ZERO, () -> send(socket, context, CartesiaWire.done(context)));
            outbox(context).shutdown(); // what is queued still goes out
        }
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
        socket.close(code, null);
        session.end(code);
    }

    @Override
    public void onFailure(WebSocket socket, Throwable t, okhttp3.@Nullable Response response) {
        session.end(-1);
    }

    /** Stops answering; for the server's close. */
    void shutdown() {
        outboxes.values().forEach(ExecutorService::shutdownNow);
    }

    private static @Nullable String missingField(JsonNode request) {
        for (String path : List.of("/model_id", "/voice/id", "/output_format/sample_rate", "/context_id")) {
            if (request.at(path).isMissingNode()) {
                return path.substring(1).replace('/', '.');
            }
        }
        return null;
    }

    private void sendChunk(WebSocket socket, String context, byte[] pcm) {
        if (failed || cancelled.contains(context)) {
            return;
        }
        if (fault != null && chunksSent.getAndIncrement() >= fault.afterChunks()) {
            fail(socket, context, fault);
            return;
        }
        session.sent(context, pcm);
        socket.send(CartesiaWire.chunk(context, pcm));
    }

    private void send(WebSocket socket, String context, String json) {
        if (!failed && !cancelled.contains(context)) {
            socket.send(json);
        }
    }

    private synchronized void fail(WebSocket socket, String context, Fault scripted) {
        if (failed) {
            return;
        }
        failed = true;
        String message = scripted.message();
        if (message != null) {
            socket.send(CartesiaWire.error(context, scripted.status(), message));
            return;
        }
        session.end(-1);
        drop.accept(socket); // no close frame: the peer sees the connection break
    }

    /** Runs {@code action} {@code delay} from now, but never before what the context queued earlier. */
    private void later(String context, Duration delay, Runnable action) {
        long at = System.nanoTime() + delay.toNanos();
        execute(context, () -> sleepThen(Duration.ofNanos(at - System.nanoTime()), action));
    }

    /** Runs {@code action} {@code delay} after what the context queued before it has run. */
    private void afterPrevious(String context, Duration delay, Runnable action) {
        execute(context, () -> sleepThen(delay, action));
    }

    private void execute(String context, Runnable task) {
        try {
            outbox(context).execute(task);
        } catch (RejectedExecutionException e) {
            // the context was finished (continue: false) or the server is closing: nothing more to say
        }
    }

    private ExecutorService outbox(String context) {
        return outboxes.computeIfAbsent(
                context,
                id -> Executors.newSingleThreadExecutor(
                        Thread.ofVirtual().name("fake-cartesia-out").factory()));
    }

    private static void sleepThen(Duration delay, Runnable action) {
        try {
            if (delay.isPositive()) {
                Thread.sleep(delay);
            }
        } catch (InterruptedException e) {
            return; // the server is closing
        }
        action.run();
    }
}
