package dev.sofia.agents.cartesia;

import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
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
 * One Cartesia WebSocket, turned from the JDK's callbacks into a blocking queue of {@link Event}s
 * that the stream's thread reads in order, together with what the sender tells it about the
 * segments it opened. Sends are serialised and waited for (the JDK allows one outstanding send).
 * Failures come out as provider exceptions: a refused handshake as {@link ProviderStatusException},
 * a timeout as {@link ProviderTimeoutException}, anything on the wire as {@link
 * ProviderConnectionException}.
 */
final class CartesiaSocket implements WebSocket.Listener {

    /** What the stream's thread waits for. */
    sealed interface Event {}

    record Text(String json) implements Event {}

    record Closed(int code, String reason) implements Event {}

    record Failed(ProviderException error) implements Event {}

    /** The sender sends the first text of context {@code id} (a segment). */
    record Opened(String id) implements Event {}

    /** The sender ends context {@code id}: its audio is due now. */
    record Flushed(String id) implements Event {}

    /** A flush with no text before it: a segment without audio. */
    record EmptySegment(String id) implements Event {}

    /** No more input: the stream ends once every segment is done. */
    record InputEnded() implements Event {}

    private final String label;
    private final Duration timeout;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private @Nullable WebSocket socket;

    private CartesiaSocket(String label, Duration timeout) {
        this.label = label;
        this.timeout = timeout;
    }

    /** Opens the socket, waiting at most {@code timeout} for the handshake. */
    static CartesiaSocket open(HttpClient client, CartesiaTtsOptions settings, String label, Duration timeout)
            throws InterruptedException {
        CartesiaSocket listener = new CartesiaSocket(label, timeout);
        CompletableFuture<WebSocket> opening = client.newWebSocketBuilder()
                .header("X-API-Key", settings.apiKey())
                .header("Cartesia-Version", settings.version())
                .connectTimeout(timeout)
                .buildAsync(settings.websocketUri(), listener);
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

    private static ProviderException handshakeFailure(String label, Throwable cause, Duration timeout) {
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

    Event take() throws InterruptedException {
        return events.take();
    }

    /** The next event, or {@code null} if none came within {@code wait}. */
    @Nullable
    Event poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Lets the sender tell the reader about segments, the end of input or its own failure. */
    void post(Event event) {
        events.add(event);
    }

    synchronized void sendText(String json) throws InterruptedException {
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("socket not open");
        }
        try {
            ws.sendText(json, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ProviderTimeoutException(label, "sending", timeout);
        } catch (ExecutionException e) {
            throw new ProviderConnectionException(label, "send failed: " + e.getCause(), e.getCause());
        }
    }

    /** Ends the connection politely once everything was received. */
    void close() throws InterruptedException {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // all audio is in; a close frame that did not go out changes nothing for us
            }
        }
    }

    /** Drops the connection without a closing handshake; nothing more is received. */
    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
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
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.add(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.add(new Failed(new ProviderConnectionException(label, "connection failed: " + error, error)));
    }
}
