package dev.sofia.agents.livekit;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LiveKit's signal connection: one WebSocket to {@code /rtc} carrying binary protobuf frames,
 * {@code SignalRequest} out and {@code SignalResponse} in.
 *
 * <p>Threading: {@link Handler} methods run on the JDK WebSocket's thread, in arrival order; the
 * handler must hand work off rather than block. {@link #send} never blocks: sends are chained
 * because the JDK WebSocket allows only one outstanding send at a time.
 */
final class SignalClient implements WebSocket.Listener {

    private static final Logger log = LoggerFactory.getLogger(SignalClient.class);
    static final String PROTOCOL_VERSION = "16";

    interface Handler {
        void onSignal(SignalResponse response);

        /** The connection ended: closed by the server (error null) or broken (error set). */
        void onSignalClosed(int code, String reason, @Nullable Throwable error);
    }

    private final Handler handler;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final Object sendLock = new Object();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private volatile @Nullable WebSocket webSocket;
    private volatile long lastReceivedNanos = System.nanoTime();

    SignalClient(Handler handler) {
        this.handler = handler;
    }

    /**
     * Opens the signal connection. The token goes in the Authorization header, not the URL, so it
     * does not end up in access logs.
     */
    /**
     * Opens the signal connection; with {@code resumeSid} (our participant sid) it resumes that
     * session instead of joining anew, and the server answers with a {@code reconnect} message.
     */
    void connect(
            HttpClient http,
            String url,
            String token,
            boolean autoSubscribe,
            Duration timeout,
            @Nullable String resumeSid) {
        URI uri = rtcUri(url, "/rtc", autoSubscribe, resumeSid);
        try {
            webSocket = http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(timeout)
                    .buildAsync(uri, this)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoomException("interrupted while connecting to " + uri.getHost(), e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String detail = cause instanceof WebSocketHandshakeException
                    ? " (" + validate(http, url, token, autoSubscribe, timeout) + ")"
                    : "";
            throw new RoomException("signal connection to " + url + " failed: " + cause + detail, cause);
        }
    }

    /**
     * After a failed handshake, {@code /rtc/validate} answers plain HTTP with the server's reason
     * (bad token, missing grant), which the WebSocket handshake exception does not carry.
     */
    private static String validate(HttpClient http, String url, String token, boolean autoSubscribe, Duration timeout) {
        URI uri = rtcUri(url, "/rtc/validate", autoSubscribe, null);
        String httpUri = uri.toString().replaceFirst("^ws", "http");
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(httpUri))
                            .header("Authorization", "Bearer " + token)
                            .timeout(timeout)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return "validate: HTTP " + response.statusCode() + " "
                    + response.body().strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "validate interrupted";
        } catch (Exception e) {
            return "validate failed: " + e;
        }
    }

    static URI rtcUri(String url, String path, boolean autoSubscribe, @Nullable String resumeSid) {
        String base = url.replaceFirst("^http", "ws").replaceAll("/+$", "");
        String query = "protocol=" + PROTOCOL_VERSION
                // 0 keeps peers on classic data streams and RPC v1, which our protobuf classes parse.
                + "&client_protocol=0"
                // No Java SDK value exists; we run libwebrtc like the C++ SDK does.
                + "&sdk=cpp"
                + "&version=" + encode(Room.VERSION)
                + "&os=" + encode(System.getProperty("os.name", "unknown"))
                + "&auto_subscribe=" + (autoSubscribe ? "1" : "0")
                + "&adaptive_stream=0"
                + (resumeSid == null ? "" : "&reconnect=1&sid=" + encode(resumeSid));
        return URI.create(base + path + "?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Queues a request behind earlier ones; never blocks. Failures are logged, not thrown. */
    CompletableFuture<?> send(SignalRequest request) {
        WebSocket ws = webSocket;
        if (ws == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("signal not connected"));
        }
        ByteBuffer bytes = ByteBuffer.wrap(request.toByteArray());
        synchronized (sendLock) {
            lastSend = lastSend.handle((ok, error) -> null)
                    .thenCompose(ignored -> ws.sendBinary(bytes, true))
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            log.debug("signal send of {} failed: {}", request.getMessageCase(), error.toString());
                        }
                    });
            return lastSend;
        }
    }

    long nanosSinceLastMessage() {
        return System.nanoTime() - lastReceivedNanos;
    }

    /** Closes the WebSocket politely, then drops it if the server does not answer in time. */
    void close(Duration grace) {
        WebSocket ws = webSocket;
        if (ws == null) {
            return;
        }
        try {
            CompletableFuture<?> pending;
            synchronized (sendLock) {
                pending = lastSend;
            }
            pending.handle((ok, error) -> null)
                    .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""))
                    .get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("signal close: {}", e.toString());
        } finally {
            ws.abort();
        }
    }

    /** Drops the connection at once, without a close handshake (it is presumed broken). */
    void abort() {
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        // Messages may arrive before buildAsync's future hands us the socket; sends need it.
        this.webSocket = webSocket;
        webSocket.request(1);
    }

    @Override
    public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        lastReceivedNanos = System.nanoTime();
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        partial.writeBytes(chunk);
        if (last) {
            byte[] message = partial.toByteArray();
            partial.reset();
            try {
                handler.onSignal(SignalResponse.parseFrom(message));
            } catch (InvalidProtocolBufferException e) {
                log.warn("unreadable signal message ({} bytes): {}", message.length, e.getMessage());
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        // LiveKit speaks protobuf only; text would be the JSON variant we never ask for.
        webSocket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        // The JDK answers with a pong itself; a ping still proves the server is there.
        lastReceivedNanos = System.nanoTime();
        webSocket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        handler.onSignalClosed(statusCode, reason, null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        handler.onSignalClosed(-1, "", cause);
    }
}
