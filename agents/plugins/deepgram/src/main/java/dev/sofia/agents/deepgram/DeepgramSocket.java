package dev.sofia.agents.deepgram;

import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One Deepgram WebSocket, turned from the JDK's callbacks into a blocking queue of {@link Event}s
 * that the stream's thread reads in order. Sends are serialised and waited for, because the JDK
 * allows only one outstanding send. Failures come out as provider exceptions: a refused handshake as
 * {@link ProviderStatusException}, a timeout as {@link ProviderTimeoutException}, anything on the
 * wire as {@link ProviderConnectionException}.
 */
final class DeepgramSocket implements WebSocket.Listener {

    /** What the stream's thread waits for: the socket's messages and the sender's news. */
    sealed interface Event {}

    record Text(String json) implements Event {}

    record Closed(int code, String reason) implements Event {}

    record Failed(ProviderException error) implements Event {}

    /** The sender has sent (or is about to send) {@code CloseStream}. */
    record InputEnded() implements Event {}

    private final String label;
    private final Duration timeout;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private @Nullable WebSocket socket;

    private DeepgramSocket(String label, Duration timeout) {
        this.label = label;
        this.timeout = timeout;
    }

    /** Opens the socket, waiting at most {@code timeout} for the handshake. */
    static DeepgramSocket open(HttpClient client, URI uri, String apiKey, String label, Duration timeout)
            throws InterruptedException {
        DeepgramSocket listener = new DeepgramSocket(label, timeout);
        CompletableFuture<WebSocket> opening = client.newWebSocketBuilder()
                .header("Authorization", "Token " + apiKey)
                .connectTimeout(timeout)
                .buildAsync(uri, listener);
        try {
            // a little beyond the JDK's own timeout, which then reports it more precisely
            listener.socket = opening.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return listener;
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new ProviderTimeoutException(label, "WebSocket handshake", timeout);
        } catch (ExecutionException e) {
            throw handshakeFailure(label, e.getCause(), timeout);
        }
    }

    static ProviderException handshakeFailure(String label, Throwable cause, Duration timeout) {
        if (cause instanceof WebSocketHandshakeException refused) {
            Object body = refused.getResponse().body();
            return new ProviderStatusException(
                    label, refused.getResponse().statusCode(), body == null ? "" : body.toString());
        }
        if (cause instanceof HttpTimeoutException) {
            return new ProviderTimeoutException(label, "WebSocket handshake", timeout);
        }
        if (cause instanceof IOException) {
            return new ProviderConnectionException(label, "cannot connect: " + cause.getMessage(), cause);
        }
        return ProviderException.unexpected(label, cause);
    }

    /** The next event, waiting for it. */
    Event take() throws InterruptedException {
        return events.take();
    }

    /** The next event, or {@code null} if none came within {@code wait}. */
    @Nullable
    Event poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Lets the sender tell the reader something (end of input, its own failure). */
    void post(Event event) {
        events.add(event);
    }

    synchronized void sendBinary(byte[] data) throws InterruptedException {
        await(requireOpen().sendBinary(ByteBuffer.wrap(data), true));
    }

    synchronized void sendText(String json) throws InterruptedException {
        await(requireOpen().sendText(json, true));
    }

    /** Drops the connection without a closing handshake; nothing more is received. */
    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private WebSocket requireOpen() {
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("socket not open");
        }
        return ws;
    }

    private void await(CompletableFuture<WebSocket> sending) throws InterruptedException {
        try {
            sending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ProviderTimeoutException(label, "sending", timeout);
        } catch (ExecutionException e) {
            throw new ProviderConnectionException(label, "send failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            events.add(new Text(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1); // Deepgram sends no binary messages
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.add(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.add(new Failed(new ProviderConnectionException(label, "connection failed: " + error, error)));
    }
}
