package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStream;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitRtc.ICEServer;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.SessionDescription;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SignalTarget;
import livekit.LivekitRtc.SyncState;
import livekit.LivekitRtc.TrickleRequest;
import livekit.LivekitRtc.UpdateSubscription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport under a {@link Room}: the two peer connections, SDP negotiation and trickle ICE
 * over the signal connection. What the signal says about participants and tracks goes to the room
 * ({@link Room} handles the other signal messages itself).
 *
 * <p>Threading: everything here runs on one engine thread (a virtual thread), fed in order by the
 * WebSocket and by libwebrtc's observers, which only enqueue and so never block libwebrtc. The
 * engine thread itself may wait for libwebrtc's asynchronous SDP results.
 */
final class RtcEngine {

    private static final Logger log = LoggerFactory.getLogger(RtcEngine.class);

    /** Callbacks into the room, all on the engine thread. */
    interface Events {
        void onRemoteAudioTrack(AudioTrack track, String trackSid);

        void onRemoteTrackRemoved(String trackSid);

        void onTransportFailed(DisconnectReason reason, String detail);
    }

    private final ExecutorService engineThread = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("livekit-engine").factory());
    private final WebRtcStack stack;
    private final RoomOptions options;
    private final DataChannels data;
    private final Events events;
    /** Per session: replaced when a full reconnect creates new peer connections. */
    private volatile CompletableFuture<Void> subscriberConnected = new CompletableFuture<>();

    private volatile @Nullable SignalClient signal;
    private @Nullable PeerTransport publisher;
    private @Nullable PeerTransport subscriber;
    private volatile RTCPeerConnectionState publisherState = RTCPeerConnectionState.NEW;
    private volatile RTCPeerConnectionState subscriberState = RTCPeerConnectionState.NEW;
    private int publisherOfferId;
    private boolean offerInFlight;
    private boolean renegotiate;
    private boolean closed;
    /** Counts the sessions' peer connection pairs; callbacks of an older pair are ignored. */
    private volatile int generation;
    /** Test hook: the next subscriber offer is dropped unanswered. */
    private volatile boolean dropNextSubscriberOffer;

    RtcEngine(WebRtcStack stack, RoomOptions options, DataChannels data, Events events) {
        this.stack = stack;
        this.options = options;
        this.data = data;
        this.events = events;
    }

    void attachSignal(@Nullable SignalClient signal) {
        this.signal = signal;
    }

    /** Runs a task on the engine thread; after close, tasks are dropped. */
    void post(Runnable task) {
        try {
            engineThread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("engine task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("engine closed, task dropped");
        }
    }

    /** Runs a task on the engine thread and hands back its result. */
    <T> CompletableFuture<T> call(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            engineThread.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new RoomException("room closed"));
        }
        return result;
    }

    CompletableFuture<Void> subscriberConnected() {
        return subscriberConnected;
    }

    /** Engine thread: creates both peer connections and starts publisher negotiation. */
    void start(JoinResponse join) {
        RTCConfiguration config = configuration(join.getIceServersList());
        int current = ++generation;
        subscriber = new PeerTransport(
                SignalTarget.SUBSCRIBER,
                stack.factory().createPeerConnection(config, new Observer(SignalTarget.SUBSCRIBER, current)));
        publisher = new PeerTransport(
                SignalTarget.PUBLISHER,
                stack.factory().createPeerConnection(config, new Observer(SignalTarget.PUBLISHER, current)));
        // Sending data needs our own channels on the publisher, so it is negotiated at once even
        // without media (as the server's fast_publish suggests).
        data.createPublisherChannels(publisher.pc());
        negotiatePublisher();
    }

    /** Whether both peer connections are connected (any thread). */
    boolean peersConnected() {
        return publisherState == RTCPeerConnectionState.CONNECTED
                && subscriberState == RTCPeerConnectionState.CONNECTED;
    }

    /**
     * Engine thread, session resume: what we hold, so the server can check its state against ours —
     * the subscriber's last offer and answer and our data channels (tracks are added by the room).
     */
    SyncState.Builder syncState(boolean autoSubscribe) {
        SyncState.Builder state = SyncState.newBuilder()
                .setSubscription(UpdateSubscription.newBuilder().setSubscribe(!autoSubscribe))
                .addAllDataChannels(data.channelInfos());
        PeerTransport pc = require(subscriber);
        RTCSessionDescription offer = pc.pc().getRemoteDescription();
        RTCSessionDescription answer = pc.pc().getLocalDescription();
        if (offer != null) {
            state.setOffer(SessionDescription.newBuilder().setType("offer").setSdp(offer.sdp));
        }
        if (answer != null) {
            state.setAnswer(SessionDescription.newBuilder().setType("answer").setSdp(answer.sdp));
        }
        return state;
    }

    /**
     * Engine thread, session resume: a fresh publisher offer with an ICE restart. An answer lost
     * with the old signal connection would otherwise block negotiation forever.
     */
    void restartPublisherIce() {
        offerInFlight = false;
        renegotiate = false;
        negotiatePublisher(true);
    }

    private RTCConfiguration configuration(List<ICEServer> fromServer) {
        RTCConfiguration config = new RTCConfiguration();
        List<RTCIceServer> servers = new ArrayList<>();
        if (options.useServerIceServers()) {
            for (ICEServer server : fromServer) {
                servers.add(iceServer(server.getUrlsList(), server.getUsername(), server.getCredential()));
            }
        }
        for (RoomOptions.IceServer server : options.iceServers()) {
            servers.add(iceServer(server.urls(), server.username(), server.credential()));
        }
        config.iceServers = servers;
        log.debug("ICE servers {}", servers.stream().map(server -> server.urls).toList());
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        config.iceTransportPolicy = options.relayOnly() ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
        if (options.disableUdp()) {
            config.portAllocatorConfig.setDisableUdp(true);
        }
        return config;
    }

    private static RTCIceServer iceServer(List<String> urls, String username, String credential) {
        RTCIceServer server = new RTCIceServer();
        server.urls = List.copyOf(urls);
        server.username = username;
        server.password = credential;
        return server;
    }

    /** Engine thread: the SDP and ICE messages of the signal connection. */
    void onSignal(SignalResponse response) {
        if (closed) {
            return;
        }
        switch (response.getMessageCase()) {
            case OFFER -> answerSubscriber(response.getOffer());
            case ANSWER -> acceptPublisherAnswer(response.getAnswer());
            case TRICKLE -> addRemoteCandidate(response.getTrickle());
            default -> throw new IllegalArgumentException("not an engine message: " + response.getMessageCase());
        }
    }

    private void answerSubscriber(SessionDescription offer) {
        if (dropNextSubscriberOffer) {
            dropNextSubscriberOffer = false;
            log.info("test hook: subscriber offer {} left unanswered", offer.getId());
            return;
        }
        log.debug(
                "subscriber offer {} with {} audio section(s)",
                offer.getId(),
                offer.getSdp().split("m=audio", -1).length - 1);
        PeerTransport pc = require(subscriber);
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offer.getSdp()));
        RTCSessionDescription answer = passiveDtls(pc.createAnswer());
        pc.setLocalDescription(answer);
        send(SignalRequest.newBuilder()
                .setAnswer(SessionDescription.newBuilder()
                        .setType("answer")
                        .setSdp(answer.sdp)
                        .setId(offer.getId()))
                .build());
    }

    /**
     * Our subscriber answer takes the DTLS server role ({@code a=setup:passive}) instead of
     * libwebrtc's default client role. As the client, our ClientHello often reached the SFU before
     * its ICE had picked the pair, was dropped, and the handshake only completed on the second
     * retransmission — about 150 ms later, on roughly one connect in seven. As the server we wait for
     * the SFU's ClientHello, which libwebrtc keeps even when it arrives early.
     */
    static RTCSessionDescription passiveDtls(RTCSessionDescription answer) {
        return new RTCSessionDescription(answer.sdpType, answer.sdp.replace("a=setup:active", "a=setup:passive"));
    }

    /** Engine thread: offers the publisher's current state; one offer at a time. */
    void negotiatePublisher() {
        negotiatePublisher(false);
    }

    private void negotiatePublisher(boolean iceRestart) {
        if (closed || publisher == null) {
            return; // closed, or between sessions (full reconnect): the next session offers anew
        }
        if (offerInFlight) {
            renegotiate = true;
            return;
        }
        PeerTransport pc = require(publisher);
        RTCSessionDescription offer = pc.createOffer(iceRestart);
        stack.withCapturePaused(() -> pc.setLocalDescription(offer));
        offerInFlight = true;
        send(SignalRequest.newBuilder()
                .setOffer(SessionDescription.newBuilder()
                        .setType("offer")
                        .setSdp(offer.sdp)
                        .setId(++publisherOfferId))
                .build());
    }

    private void acceptPublisherAnswer(SessionDescription answer) {
        if (answer.getId() != 0 && answer.getId() != publisherOfferId) {
            log.debug("answer to stale publisher offer {} ignored (current {})", answer.getId(), publisherOfferId);
            return;
        }
        PeerTransport pc = require(publisher);
        stack.withCapturePaused(
                () -> pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER, answer.getSdp())));
        offerInFlight = false;
        if (renegotiate) {
            renegotiate = false;
            negotiatePublisher();
        }
    }

    private void addRemoteCandidate(TrickleRequest trickle) {
        if (trickle.getCandidateInit().isEmpty()) {
            return;
        }
        RTCIceCandidate candidate = IceCandidates.fromJson(trickle.getCandidateInit());
        if (candidate.sdp.isEmpty()) {
            return; // end-of-candidates marker
        }
        PeerTransport pc = trickle.getTarget() == SignalTarget.PUBLISHER ? publisher : subscriber;
        require(pc).addRemoteCandidate(candidate);
    }

    /** Engine thread: adds a local track to the publisher and renegotiates. */
    RTCRtpSender addTrack(MediaStreamTrack track, String streamId) {
        RTCRtpSender sender = require(publisher).pc().addTrack(track, List.of(streamId));
        negotiatePublisher();
        return sender;
    }

    /** Engine thread: removes a local track; the server sees it gone in the next offer. */
    void removeTrack(RTCRtpSender sender) {
        if (closed || publisher == null) {
            return;
        }
        require(publisher).pc().removeTrack(sender);
        negotiatePublisher();
    }

    void send(SignalRequest request) {
        SignalClient client = signal;
        if (client != null) {
            client.send(request);
        }
    }

    /** Engine thread: closes and releases the data channels and both peer connections, for good. */
    void closePeers() {
        closed = true;
        data.close(); // stops delivery and the data thread, then releases the channels
        releasePeers("room closed");
    }

    /**
     * Engine thread, full reconnect: closes and releases the data channels and both peer
     * connections; {@link #start} creates new ones for the next session.
     */
    void resetPeers() {
        releasePeers("full reconnect");
        subscriberConnected = new CompletableFuture<>();
        publisherState = RTCPeerConnectionState.NEW;
        subscriberState = RTCPeerConnectionState.NEW;
        offerInFlight = false;
        renegotiate = false;
    }

    private void releasePeers(String why) {
        generation++; // from now on, callbacks of these connections are ignored
        subscriberConnected.completeExceptionally(new RoomException(why));
        data.releaseChannels(why);
        for (PeerTransport pc : new PeerTransport[] {subscriber, publisher}) {
            if (pc != null) {
                try {
                    pc.close();
                } catch (RuntimeException e) {
                    log.debug("{} close: {}", pc.target(), e.toString());
                }
            }
        }
        subscriber = null;
        publisher = null;
        // A channel the server announced while the connections were closing.
        data.releaseChannels(why);
    }

    /** Test hook: leave the next subscriber offer unanswered (the server then asks for a full reconnect). */
    void dropNextSubscriberOffer() {
        dropNextSubscriberOffer = true;
    }

    /** Ends the engine thread after the running task; does not wait, so the thread may call it. */
    void shutdownThread() {
        engineThread.shutdown();
    }

    private static PeerTransport require(@Nullable PeerTransport pc) {
        if (pc == null) {
            throw new IllegalStateException("peer connections not created yet (no join response)");
        }
        return pc;
    }

    /** libwebrtc's callbacks for one peer connection: copy what is needed and enqueue, never wait. */
    private final class Observer implements PeerConnectionObserver {
        private final SignalTarget target;
        private final int session;

        Observer(SignalTarget target, int session) {
            this.target = target;
            this.session = session;
        }

        /** Runs a task on the engine thread unless these connections were released meanwhile. */
        private void postCurrent(Runnable task) {
            post(() -> {
                if (session == generation) {
                    task.run();
                }
            });
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            log.trace("{} local candidate {}", target, candidate.sdp);
            String json = IceCandidates.toJson(candidate);
            postCurrent(() -> send(SignalRequest.newBuilder()
                    .setTrickle(
                            TrickleRequest.newBuilder().setCandidateInit(json).setTarget(target))
                    .build()));
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            postCurrent(() -> {
                log.debug("{} connection {}", target, state);
                if (target == SignalTarget.SUBSCRIBER) {
                    subscriberState = state;
                } else {
                    publisherState = state;
                }
                if (target == SignalTarget.SUBSCRIBER && state == RTCPeerConnectionState.CONNECTED) {
                    subscriberConnected.complete(null);
                }
                if (state == RTCPeerConnectionState.FAILED && !closed) {
                    events.onTransportFailed(DisconnectReason.MEDIA_FAILURE, target + " peer connection failed");
                }
            });
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            // Register at once, on this thread, so no early message is missed.
            data.onRemoteChannel(channel);
        }

        @Override
        public void onAddTrack(RTCRtpReceiver receiver, MediaStream[] streams) {
            MediaStreamTrack track = receiver.getTrack();
            if (target != SignalTarget.SUBSCRIBER || !(track instanceof AudioTrack audio)) {
                return; // video is not part of this client
            }
            String trackSid = audio.getId();
            postCurrent(() -> events.onRemoteAudioTrack(audio, trackSid));
        }

        @Override
        public void onRemoveTrack(RTCRtpReceiver receiver) {
            String trackSid = receiver.getTrack().getId();
            postCurrent(() -> events.onRemoteTrackRemoved(trackSid));
        }
    }
}
