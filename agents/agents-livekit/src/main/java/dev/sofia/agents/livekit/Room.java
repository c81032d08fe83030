package dev.sofia.agents.livekit;

import dev.sofia.agents.livekit.data.DataTransport;
import dev.sofia.agents.livekit.data.RoomData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitRtc.JoinResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to a LiveKit room as one participant: remote participants and their audio, our own
 * published audio, attributes and data packets.
 *
 * <p>Lifecycle: {@link #connect} returns once the signal join succeeded and both peer connections
 * are up (so data can be sent at once); {@link #disconnect()} (or {@code close()}) leaves and
 * releases every native resource. The server or a network failure can also end the room; either
 * way {@link RoomEvent.Disconnected} is the last event. A room is not reusable: connect anew.
 *
 * <p>Threading: see docs/agents-livekit.md. Events and data packets arrive on dedicated virtual
 * threads, never on libwebrtc's threads; methods are thread-safe.
 */
public final class Room implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Room.class);

    /** Sent to the server as the client version. */
    static final String VERSION = "0.1.0";

    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final RoomOptions options;
    private final WebRtcStack stack = WebRtcStack.acquire();
    private final EventDispatcher events = new EventDispatcher("livekit-events");
    private final List<Consumer<DataPacket>> dataConsumers = new CopyOnWriteArrayList<>();
    private final DataChannels data = new DataChannels(this::onDataPacketReceived);
    private final DataTransport transport = new Transport();
    private final RoomData roomData = new RoomData(transport);
    private final RoomSession session;

    private Room(RoomOptions options) {
        this.options = options;
        this.session = new RoomSession(options, stack, events, data, roomData);
        roomData.addDataListener(received -> events.emit(new RoomEvent.DataReceived(received)));
    }

    /**
     * Joins the room at {@code url} ({@code ws(s)://} or {@code http(s)://}) with an access token.
     *
     * @throws RoomException if the server refuses the token or the connection does not come up
     *     within {@link RoomOptions#connectTimeout()}; nothing is left open then
     */
    public static Room connect(String url, String token, RoomOptions options) {
        return connect(url, token, options, event -> {});
    }

    /**
     * Like {@link #connect(String, String, RoomOptions)}, with a listener registered before
     * connecting, so it also sees what happens during the join (e.g. subscriptions to tracks that
     * were already published); a listener added after {@code connect} returns may have missed those.
     */
    public static Room connect(String url, String token, RoomOptions options, Consumer<RoomEvent> listener) {
        Room room = new Room(options);
        room.addListener(listener);
        try {
            room.open(url, token);
            return room;
        } catch (RuntimeException e) {
            room.shutdownAndWait(DisconnectReason.JOIN_FAILURE, false);
            throw e;
        }
    }

    private void open(String url, String token) {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        session.start(url, token);
        await(session.joined(), deadline, "join response");
        await(
                CompletableFuture.allOf(session.engine().subscriberConnected(), data.reliableOpen()),
                deadline,
                "peer connections");
        // Only now can a lost connection be resumed; before, it fails the connect.
        await(
                session.engine().call(() -> {
                    session.connected();
                    return null;
                }),
                deadline,
                "the engine");
    }

    private static void await(CompletableFuture<?> future, long deadline, String what) {
        try {
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoomException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new RoomException(
                    "connect failed waiting for " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RoomException("connect timed out waiting for " + what, e);
        }
    }

    public String name() {
        JoinResponse j = session.join();
        return j == null ? "" : j.getRoom().getName();
    }

    public LocalParticipant localParticipant() {
        LocalParticipant participant = session.local();
        if (participant == null) {
            throw new IllegalStateException("not joined");
        }
        return participant;
    }

    /** Remote participants by identity, as of now. */
    public Map<String, RemoteParticipant> remoteParticipants() {
        return session.participants().byIdentity();
    }

    public void addListener(Consumer<RoomEvent> listener) {
        events.addListener(listener);
    }

    public void removeListener(Consumer<RoomEvent> listener) {
        events.removeListener(listener);
    }

    /** Data packets, text and byte streams, RPC and DTMF in this room. */
    public RoomData data() {
        return roomData;
    }

    /** How packets are sent; {@link #data()} is built on it. */
    public DataTransport transport() {
        return transport;
    }

    /**
     * Registers a consumer for every raw data packet received (besides {@link #data()}), called in
     * arrival order on the room's data thread (not the event thread); it must not block.
     */
    public void onDataPacket(Consumer<DataPacket> consumer) {
        dataConsumers.add(consumer);
    }

    /** The signal round-trip time measured by the last ping, in milliseconds. */
    public long rttMillis() {
        return session.rttMillis();
    }

    public boolean isConnected() {
        return !session.closed().isDone();
    }

    /** Completes with the reason once the room is closed and its resources released. */
    public CompletableFuture<DisconnectReason> closeFuture() {
        return session.closed();
    }

    /** Leaves the room (CLIENT_INITIATED) and releases everything; waits until done. */
    public void disconnect() {
        shutdownAndWait(DisconnectReason.CLIENT_INITIATED, true);
    }

    @Override
    public void close() {
        disconnect();
    }

    private void shutdownAndWait(DisconnectReason reason, boolean sendLeave) {
        session.engine().post(() -> session.shutdown(reason, sendLeave));
        try {
            session.closed().get(DISCONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("room did not close cleanly within {} s: {}", DISCONNECT_TIMEOUT.toSeconds(), e.toString());
        }
    }

    /** Test hook: breaks the signal connection as a network failure would. */
    void simulateSignalLoss() {
        session.simulateSignalLoss();
    }

    /**
     * Test hook: leaves the next subscriber offer unanswered. livekit-server gives up on the
     * negotiation after 15 s and asks for a full reconnect ({@code leave} with action RECONNECT).
     */
    void dropNextSubscriberOffer() {
        session.dropNextSubscriberOffer();
    }

    /**
     * Test hook: the messages of the current signal connection are lost from now on (its close
     * still arrives), as if the network dropped them.
     */
    void loseIncomingSignalMessages() {
        session.loseIncomingSignalMessages();
    }

    /** Data thread. */
    private void onDataPacketReceived(DataPacket packet) {
        roomData.onPacket(packet);
        for (Consumer<DataPacket> consumer : dataConsumers) {
            consumer.accept(packet);
        }
    }

    private final class Transport implements DataTransport {
        @Override
        public void send(DataPacket packet, boolean reliable) {
            DataPacket toSend = packet.getParticipantIdentity().isEmpty()
                    ? packet.toBuilder().setParticipantIdentity(localIdentity()).build()
                    : packet;
            data.send(toSend, reliable);
        }

        @Override
        public String localIdentity() {
            return localParticipant().identity();
        }
    }
}
