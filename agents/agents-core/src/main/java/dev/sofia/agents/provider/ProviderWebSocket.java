package dev.sofia.agents.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A provider's WebSocket over the JDK's client, its callbacks turned into a blocking queue of the
 * plugin's own events {@code E}; the plugin keeps its protocol (message formats, keep-alives,
 * contexts) and reads the queue.
 *
 * <p>Lifecycle: {@link #open} returns once the handshake succeeded, or throws: a refused handshake
 * as {@link ProviderStatusException}, no answer in time as {@link ProviderTimeoutException}, a
 * connection that cannot be made as {@link ProviderConnectionException}. Each whole text message then
 * becomes one {@link Events#text} event (the JDK may hand it over in parts); binary messages are
 * ignored. The end comes as one {@link Events#closed} event when the server closes (a TCP close
 * without a close frame, even one mid-frame, as code 1006) or one {@link Events#failed} event with a
 * {@link ProviderConnectionException} when the connection breaks (whatever the JDK reports, an
 * {@link InternalError} included, which it can raise for a connection cut mid-frame, losing the
 * messages it had not handed over yet); nothing comes after it, and a message cut off is never
 * delivered. Such a cut may also go unreported until a send fails, which is why a reader that awaits
 * an answer should {@link #poll} with a timeout. {@link #close()} ends the connection politely,
 * {@link #abort()} drops it.
 *
 * <p>Threading: one thread reads the events ({@link #take()}, {@link #poll}); any thread may {@link
 * #post} its own into the same queue (a sender telling the reader about its input or its failure)
 * and send. Sends are serialised and each waits until it went out, because the JDK allows only one
 * outstanding send; a stalled one fails with {@link ProviderTimeoutException}.
 *
 * @param <E> the plugin's event type
 */
public final class ProviderWebSocket<E> {

    /** How the socket's own news becomes the plugin's events. */
    public record Events<E>(
            Function<String, E> text, BiFunction<Integer, String, E> closed, Function<ProviderException, E> failed) {}

    private final String label;
    private final Duration timeout;
    private final Events<E> mapping;
    private final BlockingQueue<E> events = new LinkedBlockingQueue<>();
    private @Nullable WebSocket socket;

    private ProviderWebSocket(String label, Duration timeout, Events<E> mapping) {
        this.label = label;
        this.timeout = timeout;
        this.mapping = mapping;
    }

    /**
     * Opens a socket to {@code uri} with {@code headers}, waiting at most {@code timeout} for the
     * handshake; {@code timeout} also bounds each send and {@link #close()}.
     */
    public static <E> ProviderWebSocket<E> open(
            HttpClient client, URI uri, Map<String, String> headers, String label, Duration timeout, Events<E> mapping)
            throws InterruptedException {
        ProviderWebSocket<E> socket = new ProviderWebSocket<>(label, timeout, mapping);
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        CompletableFuture<WebSocket> opening = builder.buildAsync(uri, socket.new Listener());
        try {
            // a little beyond the JDK's own timeout, which then reports it more precisely
            socket.socket = opening.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return socket;
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

    /** The next event, waiting for it. */
    public E take() throws InterruptedException {
        return events.take();
    }

    /** The next event, or {@code null} if none came within {@code wait}. */
    public @Nullable E poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Queues an event of the plugin's own behind those already received. */
    public void post(E event) {
        events.add(event);
    }

    /** Sends one whole text message and waits until it went out. */
    public synchronized void sendText(String message) throws InterruptedException {
        await(requireOpen().sendText(message, true));
    }

    /** Sends one whole binary message and waits until it went out. */
    public synchronized void sendBinary(byte[] data) throws InterruptedException {
        await(requireOpen().sendBinary(ByteBuffer.wrap(data), true));
    }

    /**
     * Sends a normal close frame unless the output is closed already; a close frame that does not go
     * out is ignored, since whoever closes has received all it wanted.
     */
    public void close() throws InterruptedException {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // nothing more is expected from this connection
            }
        }
    }

    /** Drops the connection without a closing handshake; nothing more is received. */
    public void abort() {
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

    /** The JDK's callbacks, one at a time on its thread; each asks for the next message. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                events.add(mapping.text().apply(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1); // no provider of ours sends binary messages
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(mapping.closed().apply(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            events.add(mapping.failed()
                    .apply(new ProviderConnectionException(label, "connection failed: " + error, error)));
        }
    }
}
