package dev.sofia.clinic.diagnose;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import livekit.LivekitRtc.ICEServer;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;

/**
 * Just the first step of joining a room (PROTOCOL.md §1): open {@code /rtc}, read the
 * {@code JoinResponse}, leave. No peer connection is made — the ICE servers are in the join, and
 * the full room client would need the native WebRTC library, which a diagnosis should not.
 */
final class SignalJoin {

    /** The signal connection failed; the message says how, without the token. */
    static final class SignalException extends Exception {
        private final int status;

        SignalException(String message) {
            this(message, null, 0);
        }

        SignalException(String message, Throwable cause, int status) {
            super(message, cause);
            this.status = status;
        }

        /** The HTTP status LiveKit answered instead of upgrading; 0 if it did not answer. */
        int status() {
            return status;
        }
    }

    private SignalJoin() {}

    static List<ICEServer> iceServers(String url, String token, Duration timeout) throws SignalException {
        String base = url.replaceAll("/+$", "");
        URI uri = URI.create(base + "/rtc?access_token=" + token
                + "&protocol=16&client_protocol=0&sdk=cpp&version=diagnose&auto_subscribe=0&adaptive_stream=0");
        CompletableFuture<SignalResponse> first = new CompletableFuture<>();
        WebSocket socket;
        try {
            socket = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .build()
                    .newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(uri, new FirstMessage(first))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            int status = cause instanceof java.net.http.WebSocketHandshakeException handshake
                    ? handshake.getResponse().statusCode()
                    : 0;
            throw new SignalException(why(cause), status == 0 ? cause : null, status);
        } catch (TimeoutException e) {
            throw new SignalException("no WebSocket upgrade within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalException("interrupted");
        }
        try {
            SignalResponse response = first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.hasLeave()) {
                throw new SignalException(
                        "LiveKit closed the join: " + response.getLeave().getReason());
            }
            if (!response.hasJoin()) {
                throw new SignalException("the first signal message was " + response.getMessageCase() + ", not join");
            }
            return response.getJoin().getIceServersList();
        } catch (ExecutionException e) {
            throw new SignalException(why(e.getCause()));
        } catch (TimeoutException e) {
            throw new SignalException("no join response within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalException("interrupted");
        } finally {
            SignalRequest leave = SignalRequest.newBuilder()
                    .setLeave(LeaveRequest.newBuilder()
                            .setReason(livekit.LivekitModels.DisconnectReason.CLIENT_INITIATED)
                            .setAction(LeaveRequest.Action.DISCONNECT))
                    .build();
            socket.sendBinary(ByteBuffer.wrap(leave.toByteArray()), true)
                    .thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "diagnose done"))
                    .orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(e -> null);
            socket.abort();
        }
    }

    /** Collects the first binary message (it may come in parts; callbacks come one at a time). */
    private static final class FirstMessage implements WebSocket.Listener {

        private final CompletableFuture<SignalResponse> first;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        FirstMessage(CompletableFuture<SignalResponse> first) {
            this.first = first;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            buffer.writeBytes(bytes);
            if (last && !first.isDone()) {
                try {
                    first.complete(SignalResponse.parseFrom(buffer.toByteArray()));
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    first.completeExceptionally(e);
                }
                buffer.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            first.completeExceptionally(error);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            first.completeExceptionally(new java.io.IOException("closed " + statusCode + " " + reason));
            return null;
        }
    }

    private static String why(Throwable cause) {
        if (cause instanceof java.net.http.WebSocketHandshakeException handshake) {
            return "HTTP " + handshake.getResponse().statusCode() + " instead of a WebSocket upgrade";
        }
        return LiveKitHttpCheck.describe(cause);
    }
}
