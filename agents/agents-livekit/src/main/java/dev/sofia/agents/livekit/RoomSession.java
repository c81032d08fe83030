package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.sofia.agents.livekit.data.RoomData;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRtc.JoinResponse;
import livekit.LivekitRtc.LeaveRequest;
import livekit.LivekitRtc.ReconnectResponse;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.SyncState;
import livekit.LivekitRtc.UpdateParticipantMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine-thread side of a {@link Room}: the signal connection, the session's state (connecting,
 * connected, resuming, rejoining, closed), what the signal says about participants and us, session
 * resume, full reconnect, and the ordered shutdown. Everything here runs on the engine thread unless a method says
 * otherwise; {@link Room} is the public face.
 */
final class RoomSession {

    private static final Logger log = LoggerFactory.getLogger(RoomSession.class);

    private static final Duration LEAVE_GRACE = Duration.ofSeconds(1);

    /** One client for all rooms; its callbacks run on virtual threads. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private enum State {
        CONNECTING,
        CONNECTED,
        /** {@link SessionResume}: same participant, new signal connection, ICE restart. */
        RESUMING,
        /** {@link SessionRejoin}: a fresh join, new peer connections, tracks published again. */
        REJOINING,
        CLOSED
    }

    private final RoomOptions options;
    private final WebRtcStack stack;
    private final EventDispatcher events;
    private final RoomData roomData;
    private final DataChannels data;
    private final RtcEngine engine;
    private final Participants participants;
    private final CompletableFuture<JoinResponse> joined = new CompletableFuture<>();
    private final CompletableFuture<DisconnectReason> closed = new CompletableFuture<>();
    private volatile @Nullable SignalClient signal;
    private volatile @Nullable SignalHandler signalHandler;
    private volatile @Nullable LocalParticipant local;
    private volatile @Nullable JoinResponse join;
    private volatile @Nullable Pinger pinger;
    private volatile @Nullable CompletableFuture<ReconnectResponse> pendingResume;
    private volatile @Nullable CompletableFuture<JoinResponse> pendingRejoin;
    private volatile String url = "";
    /** The latest token: the server refreshes it, and a resume needs an unexpired one. */
    private volatile String token = "";

    /** Written on the engine thread only; read by the resume and rejoin threads. */
    private volatile State state = State.CONNECTING;

    RoomSession(RoomOptions options, WebRtcStack stack, EventDispatcher events, DataChannels data, RoomData roomData) {
        this.options = options;
        this.stack = stack;
        this.events = events;
        this.roomData = roomData;
        this.data = data;
        this.engine = new RtcEngine(stack, options, data, new EngineEvents());
        this.participants = new Participants(events, left -> roomData.onParticipantDisconnected(left.identity()));
    }

    RtcEngine engine() {
        return engine;
    }

    Participants participants() {
        return participants;
    }

    CompletableFuture<JoinResponse> joined() {
        return joined;
    }

    CompletableFuture<DisconnectReason> closed() {
        return closed;
    }

    @Nullable
    LocalParticipant local() {
        return local;
    }

    @Nullable
    JoinResponse join() {
        return join;
    }

    long rttMillis() {
        Pinger p = pinger;
        return p == null ? 0 : p.rttMillis();
    }

    /** Caller's thread: opens the first signal connection; the join response arrives later. */
    void start(String url, String token) {
        this.url = url;
        this.token = token;
        openSignal(options.connectTimeout(), null);
    }

    private LocalParticipant localParticipant() {
        LocalParticipant participant = local;
        if (participant == null) {
            throw new IllegalStateException("not joined");
        }
        return participant;
    }

    /** Replaces the signal connection; messages of an older one are ignored from now on. */
    private SignalClient openSignal(Duration timeout, @Nullable String resumeSid) {
        SignalHandler handler = new SignalHandler();
        SignalClient client = new SignalClient(handler);
        handler.owner = client;
        signal = client;
        signalHandler = handler;
        engine.attachSignal(client);
        client.connect(HTTP, url, token, options.autoSubscribe(), timeout, resumeSid);
        return client;
    }

    /**
     * Engine thread. The order matters for libwebrtc: nothing may push audio or hold a sink while
     * the peer connections close, and sources and factory go only after the connections closed.
     */
    void shutdown(DisconnectReason reason, boolean sendLeave) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        SignalClient client = signal;
        if (client != null) {
            if (sendLeave) {
                leave(client);
            }
            client.close(LEAVE_GRACE);
        }
        Pinger ping = pinger;
        if (ping != null) {
            ping.close();
        }
        LocalParticipant participant = local;
        if (participant != null) {
            participant.stopAll();
        }
        participants.endAll();
        engine.closePeers();
        roomData.close();
        if (participant != null) {
            participant.disposeAll();
        }
        stack.release();
        joined.completeExceptionally(new RoomException("room closed: " + reason));
        events.emit(new RoomEvent.Disconnected(reason));
        events.close();
        closed.complete(reason);
        engine.shutdownThread();
        log.debug("room {} closed: {}", join == null ? "" : join.getRoom().getName(), reason);
    }

    private static void leave(SignalClient client) {
        try {
            client.send(SignalRequest.newBuilder()
                            .setLeave(LeaveRequest.newBuilder()
                                    .setReason(DisconnectReason.CLIENT_INITIATED)
                                    .setAction(LeaveRequest.Action.DISCONNECT))
                            .build())
                    .get(LEAVE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.debug("leave not sent: {}", e.toString());
        }
    }

    /** Engine thread: everything the signal says that is not SDP or ICE. */
    private void onSignal(SignalResponse response) {
        if (state == State.CLOSED) {
            return;
        }
        switch (response.getMessageCase()) {
            case JOIN -> {
                if (state == State.REJOINING) {
                    onRejoin(response.getJoin());
                } else if (join == null) {
                    onJoin(response.getJoin());
                }
            }
            case OFFER, ANSWER, TRICKLE -> engine.onSignal(response);
            case UPDATE -> onParticipantUpdate(response.getUpdate().getParticipantsList());
            case TRACK_PUBLISHED -> localParticipant().onTrackPublished(response.getTrackPublished());
            case REQUEST_RESPONSE -> localParticipant().onRequestResponse(response.getRequestResponse());
            case LEAVE -> onLeave(response.getLeave());
            case PONG_RESP -> {
                Pinger ping = pinger;
                if (ping != null) {
                    ping.onPong(response.getPongResp());
                }
            }
            case RECONNECT -> {
                CompletableFuture<ReconnectResponse> resume = pendingResume;
                if (resume != null) {
                    resume.complete(response.getReconnect());
                }
            }
            case REFRESH_TOKEN -> token = response.getRefreshToken();
            default -> log.trace("signal {} ignored", response.getMessageCase());
        }
    }

    private void onJoin(JoinResponse response) {
        join = response;
        local = new LocalParticipant(response.getParticipant(), engine, stack);
        participants.addInitial(response.getOtherParticipantsList());
        engine.start(response);
        startPinger(response);
        joined.complete(response);
    }

    private void startPinger(JoinResponse response) {
        pinger = new Pinger(
                () -> signal,
                response.getPingInterval(),
                response.getPingTimeout(),
                () -> engine.post(() -> connectionLost("no signal within the ping timeout")));
    }

    /**
     * Engine thread, full reconnect: the new session's join response. We are a new participant
     * (new sid) in the same room; the others are matched by identity; new peer connections start.
     */
    private void onRejoin(JoinResponse response) {
        join = response;
        LocalParticipant participant = localParticipant();
        UpdateParticipantMetadata restore = participant.rejoined(response.getParticipant());
        participants.rejoined(response.getOtherParticipantsList());
        engine.start(response);
        startPinger(response);
        if (restore != null) {
            // What we had set ourselves; the new participant starts from the token's values.
            engine.send(SignalRequest.newBuilder().setUpdateMetadata(restore).build());
        }
        CompletableFuture<JoinResponse> pending = pendingRejoin;
        if (pending != null) {
            pending.complete(response);
        }
    }

    /** Engine thread: {@link Room#connect} saw both connections up; from now on a loss resumes. */
    void connected() {
        if (state == State.CONNECTING) {
            state = State.CONNECTED;
        }
    }

    private void onParticipantUpdate(List<ParticipantInfo> infos) {
        LocalParticipant participant = localParticipant();
        for (ParticipantInfo info : infos) {
            if (info.getSid().equals(participant.sid())) {
                Map<String, String> changed = participant.update(info);
                if (!changed.isEmpty()) {
                    events.emit(new RoomEvent.AttributesChanged(participant.identity(), changed));
                }
            } else {
                participants.apply(info);
            }
        }
    }

    private void onLeave(LeaveRequest leave) {
        log.info("server asked us to leave: {} ({})", leave.getReason(), leave.getAction());
        LeaveRequest.Action action = leave.getAction();
        // Servers before protocol 13 say "full reconnect" with can_reconnect instead of an action.
        boolean rejoin = action == LeaveRequest.Action.RECONNECT
                || (action == LeaveRequest.Action.DISCONNECT && leave.getCanReconnect());
        if (action == LeaveRequest.Action.RESUME && (state == State.CONNECTED || state == State.RESUMING)) {
            connectionLost("server asked to resume");
        } else if (rejoin && (state == State.CONNECTED || state == State.RESUMING)) {
            // Also the server's answer to a resume it cannot accept (the participant is gone).
            startRejoin("server asked for a full reconnect (" + leave.getReason() + ")", leave.getReason());
        } else if (rejoin && state == State.REJOINING) {
            failPendingRejoin("server asked for a full reconnect again (" + leave.getReason() + ")");
        } else {
            shutdown(leave.getReason(), false);
        }
    }

    /**
     * Engine thread: the signal connection or a peer connection broke. Resumes the session on a
     * virtual thread; the room closes if that fails.
     */
    private void connectionLost(String why) {
        if (state == State.CONNECTING) {
            // Nothing to resume yet: fail the connect now rather than at its timeout.
            log.info("connection lost while connecting ({})", why);
            shutdown(DisconnectReason.JOIN_FAILURE, false);
            return;
        }
        if (state == State.REJOINING) {
            failPendingRejoin(why);
            return;
        }
        if (state != State.CONNECTED) {
            return; // already resuming, or closed
        }
        log.info("connection lost ({}), resuming the session", why);
        state = State.RESUMING;
        events.emit(new RoomEvent.Reconnecting());
        Thread.ofVirtual().name("livekit-resume").start(() -> {
            boolean resumed;
            try {
                resumed = SessionResume.run(new ResumeSteps(), options.connectTimeout());
            } catch (InterruptedException e) {
                resumed = false;
            }
            boolean ok = resumed;
            engine.post(() -> {
                if (state != State.RESUMING) {
                    return; // closed, or a full reconnect took over
                }
                if (ok) {
                    state = State.CONNECTED;
                    events.emit(new RoomEvent.Reconnected(false));
                } else {
                    startRejoin("resuming failed", DisconnectReason.SIGNAL_CLOSE);
                }
            });
        });
    }

    /**
     * Engine thread: joins the room afresh on a virtual thread ({@link SessionRejoin}); the room
     * closes with {@code reason} if that fails. A resume under way is abandoned.
     */
    private void startRejoin(String why, DisconnectReason reason) {
        if (state == State.CONNECTING) {
            log.info("full reconnect requested while connecting ({})", why);
            shutdown(DisconnectReason.JOIN_FAILURE, false);
            return;
        }
        if (state != State.CONNECTED && state != State.RESUMING) {
            return; // already rejoining, or closed
        }
        boolean announce = state == State.CONNECTED; // when resuming, Reconnecting was emitted
        state = State.REJOINING;
        CompletableFuture<ReconnectResponse> resume = pendingResume;
        if (resume != null) {
            resume.completeExceptionally(new RoomException("full reconnect instead"));
        }
        log.info("{}: joining the room afresh", why);
        if (announce) {
            events.emit(new RoomEvent.Reconnecting());
        }
        Thread.ofVirtual().name("livekit-rejoin").start(() -> {
            boolean rejoined;
            try {
                rejoined = SessionRejoin.run(new RejoinSteps(), options.connectTimeout());
            } catch (InterruptedException e) {
                rejoined = false;
            }
            boolean ok = rejoined;
            engine.post(() -> {
                if (state != State.REJOINING) {
                    return;
                }
                if (ok) {
                    state = State.CONNECTED;
                    events.emit(new RoomEvent.Reconnected(true));
                } else {
                    shutdown(reason, false);
                }
            });
        });
    }

    private void failPendingRejoin(String why) {
        CompletableFuture<JoinResponse> pending = pendingRejoin;
        if (pending != null) {
            pending.completeExceptionally(new RoomException(why));
        }
    }

    /** Test hook: the next subscriber offer stays unanswered, so the server asks for a full reconnect. */
    void dropNextSubscriberOffer() {
        engine.dropNextSubscriberOffer();
    }

    /** Test hook: breaks the signal connection as a network failure would. */
    void simulateSignalLoss() {
        SignalClient client = signal;
        if (client != null) {
            client.abort();
            engine.post(() -> connectionLost("simulated signal loss"));
        }
    }

    /**
     * Test hook: from now on the messages of the current signal connection are lost (its close
     * still arrives), as if the network dropped them — e.g. a server's leave.
     */
    void loseIncomingSignalMessages() {
        SignalHandler handler = signalHandler;
        if (handler != null) {
            handler.dropMessages = true;
        }
    }

    /** Messages of one signal connection; once it is replaced, they are ignored. */
    private final class SignalHandler implements SignalClient.Handler {
        @Nullable
        SignalClient owner;

        volatile boolean dropMessages;

        @Override
        public void onSignal(SignalResponse response) {
            if (dropMessages) {
                log.info("test hook: signal message {} lost", response.getMessageCase());
                return;
            }
            engine.post(() -> {
                if (owner == signal) {
                    RoomSession.this.onSignal(response);
                }
            });
        }

        @Override
        public void onSignalClosed(int code, String reason, @Nullable Throwable error) {
            engine.post(() -> {
                if (owner == signal) {
                    connectionLost("signal closed: code " + code + " " + reason + (error == null ? "" : " " + error));
                }
            });
        }
    }

    /** The room's side of a session resume. */
    private final class ResumeSteps implements SessionResume.Steps {
        @Override
        public void reopenSignal(Duration timeout) {
            SignalClient old = signal;
            if (old != null) {
                old.abort();
            }
            CompletableFuture<ReconnectResponse> answer = new CompletableFuture<>();
            pendingResume = answer;
            try {
                // On the engine thread, so a full reconnect that took over cannot be overtaken.
                engine.call(() -> {
                            requireState(State.RESUMING);
                            return openSignal(timeout, localParticipant().sid());
                        })
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RoomException("interrupted during resume", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new RoomException("no reconnect answer: " + e, e);
            } finally {
                pendingResume = null;
            }
        }

        @Override
        public void resync(Duration timeout) {
            try {
                engine.call(() -> {
                            requireState(State.RESUMING);
                            SyncState.Builder sync = engine.syncState(options.autoSubscribe());
                            sync.addAllPublishTracks(localParticipant().publishedTracks());
                            engine.send(SignalRequest.newBuilder()
                                    .setSyncState(sync)
                                    .build());
                            engine.restartPublisherIce();
                            return null;
                        })
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RoomException("interrupted during resume", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new RoomException("resync failed: " + e, e);
            }
        }

        @Override
        public boolean peersConnected() {
            return engine.peersConnected();
        }

        @Override
        public boolean isClosed() {
            return closed.isDone() || state != State.RESUMING;
        }
    }

    /** Engine thread: a step of a resume or rejoin that another took over must not run. */
    private void requireState(State expected) {
        if (state != expected) {
            throw new RoomException("no longer " + expected + " (" + state + ")");
        }
    }

    /** The room's side of a full reconnect. */
    private final class RejoinSteps implements SessionRejoin.Steps {
        @Override
        public void teardown(Duration timeout) {
            await(
                    engine.call(() -> {
                        requireState(State.REJOINING);
                        SignalClient old = signal;
                        signal = null; // its late messages are ignored from now on
                        engine.attachSignal(null);
                        if (old != null) {
                            old.abort();
                        }
                        Pinger ping = pinger;
                        pinger = null;
                        if (ping != null) {
                            ping.close();
                        }
                        participants.unsubscribeAllForRejoin();
                        engine.resetPeers(); // data channels, then both peer connections, released
                        localParticipant().detachForRejoin(); // the old senders, released
                        roomData.onNewSession();
                        return null;
                    }),
                    timeout,
                    "teardown");
        }

        @Override
        public void join(Duration timeout) {
            CompletableFuture<JoinResponse> answer = new CompletableFuture<>();
            pendingRejoin = answer;
            try {
                await(
                        engine.call(() -> {
                            requireState(State.REJOINING);
                            return openSignal(timeout, null);
                        }),
                        timeout,
                        "new signal connection");
                await(answer, timeout, "join response");
            } finally {
                pendingRejoin = null;
            }
        }

        @Override
        public void republish() {
            localParticipant().republishAll();
        }

        @Override
        public void awaitConnected(Duration timeout) {
            await(
                    CompletableFuture.allOf(engine.subscriberConnected(), data.reliableOpen()),
                    timeout,
                    "peer connections");
        }

        @Override
        public boolean isClosed() {
            return closed.isDone() || state != State.REJOINING;
        }

        private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RoomException("interrupted during full reconnect: " + what, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new RoomException("full reconnect: " + what + " failed: " + e, e);
            }
        }
    }

    private final class EngineEvents implements RtcEngine.Events {
        @Override
        public void onRemoteAudioTrack(AudioTrack track, String trackSid) {
            participants.trackAdded(track, trackSid);
        }

        @Override
        public void onRemoteTrackRemoved(String trackSid) {
            participants.trackRemoved(trackSid);
        }

        @Override
        public void onTransportFailed(DisconnectReason reason, String detail) {
            connectionLost(detail);
        }
    }
}
