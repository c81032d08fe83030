package dev.sofia.agents.livekit.worker;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.WorkerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code /agent} WebSocket: binary protobuf frames, {@link WorkerMessage} out, {@link
 * ServerMessage} in.
 *
 * <p>Lifecycle: {@link #open} connects; received messages go to the handler one at a time on the
 * JDK WebSocket's thread (the handler must not block); {@link #closed()} completes once the socket
 * is gone for any reason (server close, error, {@link #close()}, {@link #abort()}). Sends are
 * chained so that at most one is outstanding, as {@link WebSocket} requires; a failed send aborts
 * the connection.
 */
final class WorkerConnection implements WebSocket.Listener {

    private static final Logger log = LoggerFactory.getLogger(WorkerConnection.class);

    private final Consumer<ServerMessage> handler;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final Object sendLock = new Object();
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
    private volatile long lastReceivedNanos = System.nanoTime();
    private volatile WebSocket socket;

    private WorkerConnection(Consumer<ServerMessage> handler) {
        this.handler = handler;
    }

    /** Opens the socket; fails with the handshake's cause (e.g. HTTP 401 for a bad token). */
    static CompletableFuture<WorkerConnection> open(
            HttpClient http, URI uri, String token, Duration timeout, Consumer<ServerMessage> handler) {
        WorkerConnection connection = new WorkerConnection(handler);
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(timeout)
                .buildAsync(uri, connection)
                .thenApply(ws -> {
                    connection.socket = ws;
                    return connection;
                });
    }

    /** {@code ws(s)://host[:port][/base]/agent} from the server URL in any of its usual forms. */
    static URI agentUri(String url) {
        URI base = URI.create(url);
        String scheme = switch (base.getScheme()) {
            case "http", "ws" -> "ws";
            case "https", "wss" -> "wss";
            default -> throw new IllegalArgumentException("not a LiveKit URL: " + url);
        };
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + base.getRawAuthority() + path + "/agent");
    }

    void send(WorkerMessage message) {
        ByteBuffer bytes = ByteBuffer.wrap(message.toByteArray());
        synchronized (sendLock) {
            sendChain = sendChain
                    .handle((ignored, error) -> null)
                    .thenCompose(ignored ->
                            closed.isDone() ? CompletableFuture.completedFuture(null) : socket.sendBinary(bytes, true))
                    .whenComplete((ignored, error) -> {
                        if (error != null && !closed.isDone()) {
                            log.warn("worker socket send failed: {}", error.toString());
                            abort();
                        }
                    });
        }
    }

    /** Completes when the socket is gone. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    long nanosSinceLastMessage() {
        return System.nanoTime() - lastReceivedNanos;
    }

    /** A normal close (status 1000) after the sends already queued; the server sees the worker leave. */
    void close() {
        synchronized (sendLock) {
            sendChain = sendChain
                    .handle((ignored, error) -> null)
                    .thenCompose(ignored -> closed.isDone()
                            ? CompletableFuture.completedFuture(null)
                            : socket.sendClose(WebSocket.NORMAL_CLOSURE, "worker closing"))
                    .orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((ignored, error) -> abort());
        }
    }

    /** Drops the connection at once, as a network failure would. */
    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        closed.complete(null);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        lastReceivedNanos = System.nanoTime();
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.write(chunk, 0, chunk.length);
        if (last) {
            byte[] frame = partial.toByteArray();
            partial.reset();
            try {
                handler.accept(ServerMessage.parseFrom(frame));
            } catch (Exception e) {
                log.warn("could not handle a server message ({} bytes)", frame.length, e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        lastReceivedNanos = System.nanoTime();
        log.warn("unexpected text frame on the worker socket: {}", data);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        lastReceivedNanos = System.nanoTime();
        return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        lastReceivedNanos = System.nanoTime();
        return WebSocket.Listener.super.onPong(webSocket, message);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        log.info("worker socket closed by the server: {} {}", statusCode, reason);
        closed.complete(null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        log.warn("worker socket failed: {}", error.toString());
        closed.complete(null);
    }
}
