package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import livekit.LivekitRtc.SignalTarget;

/**
 * One of the two peer connections (publisher or subscriber) with the bookkeeping trickle ICE
 * needs: remote candidates that arrive before the remote description are queued and added once it
 * is set.
 *
 * <p>Threading: used only from the room's engine thread (a virtual thread), which may wait for
 * libwebrtc's asynchronous results; the observers that complete those waits run on libwebrtc's
 * signaling thread and only complete a future, so they never wait on us.
 */
final class PeerTransport {

    private static final Duration SDP_TIMEOUT = Duration.ofSeconds(10);

    private final SignalTarget target;
    private final RTCPeerConnection pc;
    private final List<RTCIceCandidate> pendingCandidates = new ArrayList<>();
    private boolean remoteDescriptionSet;
    private boolean closed;

    PeerTransport(SignalTarget target, RTCPeerConnection pc) {
        this.target = target;
        this.pc = pc;
    }

    SignalTarget target() {
        return target;
    }

    RTCPeerConnection pc() {
        return pc;
    }

    void addRemoteCandidate(RTCIceCandidate candidate) {
        if (closed) {
            return;
        }
        if (remoteDescriptionSet) {
            pc.addIceCandidate(candidate);
        } else {
            pendingCandidates.add(candidate);
        }
    }

    void setRemoteDescription(RTCSessionDescription description) {
        SetObserver observer = new SetObserver();
        pc.setRemoteDescription(description, observer);
        await(observer.done, "set remote " + description.sdpType);
        remoteDescriptionSet = true;
        for (RTCIceCandidate candidate : pendingCandidates) {
            pc.addIceCandidate(candidate);
        }
        pendingCandidates.clear();
    }

    RTCSessionDescription createOffer(boolean iceRestart) {
        RTCOfferOptions options = new RTCOfferOptions();
        options.iceRestart = iceRestart;
        CreateObserver observer = new CreateObserver();
        pc.createOffer(options, observer);
        return await(observer.done, "create offer");
    }

    RTCSessionDescription createAnswer() {
        CreateObserver observer = new CreateObserver();
        pc.createAnswer(new RTCAnswerOptions(), observer);
        return await(observer.done, "create answer");
    }

    void setLocalDescription(RTCSessionDescription description) {
        SetObserver observer = new SetObserver();
        pc.setLocalDescription(description, observer);
        await(observer.done, "set local " + description.sdpType);
    }

    /**
     * Closes the connection and releases webrtc-java's reference to it, which frees it (see {@link
     * NativeRelease}); release its data channels first. Idempotent; engine thread.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        pendingCandidates.clear();
        NativeRelease.closeAndRelease(pc);
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(SDP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoomException(target + ": interrupted during " + what, e);
        } catch (ExecutionException e) {
            throw new RoomException(
                    target + ": " + what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RoomException(target + ": " + what + " timed out after " + SDP_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private static final class SetObserver implements SetSessionDescriptionObserver {
        final CompletableFuture<Void> done = new CompletableFuture<>();

        @Override
        public void onSuccess() {
            done.complete(null);
        }

        @Override
        public void onFailure(String error) {
            done.completeExceptionally(new RoomException(error));
        }
    }

    private static final class CreateObserver implements CreateSessionDescriptionObserver {
        final CompletableFuture<RTCSessionDescription> done = new CompletableFuture<>();

        @Override
        public void onSuccess(RTCSessionDescription description) {
            done.complete(description);
        }

        @Override
        public void onFailure(String error) {
            done.completeExceptionally(new RoomException(error));
        }
    }
}
