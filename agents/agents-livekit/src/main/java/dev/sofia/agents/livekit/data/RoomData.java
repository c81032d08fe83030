package dev.sofia.agents.livekit.data;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.SipDTMF;
import livekit.LivekitModels.UserPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a participant does with data, on top of a {@link DataTransport}: user packets, text
 * and byte streams, transcriptions, RPC and SIP DTMF.
 *
 * <p><b>Wiring.</b> The room creates one {@code RoomData} per connection, passes every received
 * {@code DataPacket} to {@link #onPacket} (one thread at a time, in arrival order), calls {@link
 * #onParticipantDisconnected} when a remote participant leaves, {@link #onNewSession} after a full
 * rejoin (not after a resume), and {@link #close} when it leaves the room.
 *
 * <p><b>Threads.</b> {@link #onPacket} never blocks and never runs user code. Data and DTMF
 * listeners run one event at a time, in arrival order, on one virtual thread per {@code RoomData}
 * (a slow listener delays later events, never delivery). Stream handlers and RPC handlers run on a
 * virtual thread each. RPC futures complete on virtual threads. All methods are thread-safe.
 *
 * <p><b>Chat.</b> Agents read user text input from text streams on topic {@value #TOPIC_CHAT}:
 * {@code registerTextStreamHandler(RoomData.TOPIC_CHAT, reader -> … reader.readAll() …)}.
 */
public final class RoomData implements AutoCloseable {

    /** The text stream topic on which frontends send user text input to the agent. */
    public static final String TOPIC_CHAT = "lk.chat";

    private static final Logger log = LoggerFactory.getLogger(RoomData.class);

    private final PacketSender sender;
    private final IncomingStreams streams;
    private final Rpc rpc;
    private final Transcriptions transcriptions;
    private final List<Consumer<DataReceived>> dataListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<DtmfReceived>> dtmfListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("room-data-events").factory());
    /** Last reliable sequence per sender sid: a resume may replay packets already delivered. */
    private final Map<String, Long> lastSequence = new ConcurrentHashMap<>();

    private final Map<String, String> identityBySid = new ConcurrentHashMap<>();

    public RoomData(DataTransport transport) {
        this(transport, RoomDataOptions.defaults());
    }

    public RoomData(DataTransport transport, RoomDataOptions options) {
        this.sender = new PacketSender(transport);
        this.streams = new IncomingStreams(options);
        this.rpc = new Rpc(sender, options.rpcAckTimeout());
        this.transcriptions = new Transcriptions(this);
    }

    // ---- delivery, called by the room ----

    /** Handles one received packet. Called by the room, one packet at a time, in arrival order. */
    public void onPacket(DataPacket packet) {
        if (isReplayed(packet)) {
            return;
        }
        String sender = packet.getParticipantIdentity();
        switch (packet.getValueCase()) {
            case USER -> onUser(sender, packet.getUser());
            case SIP_DTMF -> onDtmf(sender, packet.getSipDtmf());
            case RPC_REQUEST -> rpc.onRequest(sender, packet.getRpcRequest());
            case RPC_ACK -> rpc.onAck(packet.getRpcAck());
            case RPC_RESPONSE -> rpc.onResponse(sender, packet.getRpcResponse());
            case STREAM_HEADER -> streams.onHeader(sender, packet.getStreamHeader());
            case STREAM_CHUNK -> streams.onChunk(packet.getStreamChunk());
            case STREAM_TRAILER -> streams.onTrailer(packet.getStreamTrailer());
            default -> log.trace("Ignoring a {} data packet from {}", packet.getValueCase(), sender);
        }
    }

    /**
     * A remote participant left: its open streams fail with {@link
     * DataStreamException.Reason#SENDER_DISCONNECTED} and calls to it with {@link
     * RpcError#RECIPIENT_DISCONNECTED}.
     */
    public void onParticipantDisconnected(String identity) {
        streams.onParticipantDisconnected(identity);
        rpc.onParticipantDisconnected(identity);
        identityBySid.entrySet().removeIf(entry -> {
            if (entry.getValue().equals(identity)) {
                lastSequence.remove(entry.getKey());
                return true;
            }
            return false;
        });
    }

    /** A new session after a full rejoin (not a resume): reliable sequence numbers restart at 1. */
    public void onNewSession() {
        sender.resetSequence();
        lastSequence.clear();
        identityBySid.clear();
    }

    /** Leaves: open received streams fail, pending calls fail, listeners stop. */
    @Override
    public void close() {
        streams.close();
        rpc.close();
        events.shutdown();
    }

    // ---- user packets ----

    public void publishData(byte[] payload, DataPublishOptions options) {
        var user = UserPacket.newBuilder()
                .setPayload(ByteString.copyFrom(payload))
                .addAllDestinationIdentities(options.destinationIdentities());
        if (options.topic() != null) {
            user.setTopic(options.topic());
        }
        sender.send(PacketSender.packet(options.destinationIdentities(), null).setUser(user), options.reliable());
    }

    public void addDataListener(Consumer<DataReceived> listener) {
        dataListeners.add(listener);
    }

    public void removeDataListener(Consumer<DataReceived> listener) {
        dataListeners.remove(listener);
    }

    // ---- streams ----

    /** Opens a text stream (sends its header). */
    public TextStreamWriter streamText(StreamOptions options) {
        return new TextStreamWriter(sender, options);
    }

    /** Opens a byte stream (sends its header). */
    public ByteStreamWriter streamBytes(StreamOptions options) {
        return new ByteStreamWriter(sender, options);
    }

    /** Sends {@code text} as one whole text stream, its total size announced. */
    public StreamInfo sendText(String text, StreamOptions options) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (TextStreamWriter writer = streamText(options.withTotalSize(utf8.length))) {
            writer.write(text);
            return writer.info();
        }
    }

    /** Sends {@code bytes} as one whole byte stream, its total size announced. */
    public StreamInfo sendBytes(byte[] bytes, StreamOptions options) {
        try (ByteStreamWriter writer = streamBytes(options.withTotalSize(bytes.length))) {
            writer.write(bytes);
            return writer.info();
        }
    }

    /**
     * Sends a file as a byte stream, read piece by piece (never whole in memory). Name, MIME type
     * (probed) and size come from the file unless {@code options} set them. A read error aborts the
     * stream and is rethrown.
     */
    public StreamInfo sendFile(Path file, StreamOptions options) throws IOException {
        StreamOptions fileOptions = options.withTotalSize(Files.size(file));
        if (options.name() == null) {
            fileOptions = fileOptions.withName(file.getFileName().toString());
        }
        if (options.mimeType() == null) {
            String probed = Files.probeContentType(file);
            fileOptions = fileOptions.withMimeType(probed != null ? probed : "application/octet-stream");
        }
        ByteStreamWriter writer = streamBytes(fileOptions);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[PacketSender.MAX_PACKET_BYTES];
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                writer.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            writer.abort("read failed: " + e.getMessage());
            throw e;
        }
        writer.close();
        return writer.info();
    }

    /** Handles the text streams of {@code topic}; one handler per topic. */
    public void registerTextStreamHandler(String topic, TextStreamHandler handler) {
        streams.registerTextHandler(topic, handler);
    }

    public void unregisterTextStreamHandler(String topic) {
        streams.unregisterTextHandler(topic);
    }

    /** Handles the byte streams of {@code topic}; one handler per topic. */
    public void registerByteStreamHandler(String topic, ByteStreamHandler handler) {
        streams.registerByteHandler(topic, handler);
    }

    public void unregisterByteStreamHandler(String topic) {
        streams.unregisterByteHandler(topic);
    }

    /** Publishing transcripts on {@value Transcriptions#TOPIC}. */
    public Transcriptions transcriptions() {
        return transcriptions;
    }

    // ---- RPC ----

    /** Answers calls of {@code method}; one handler per method. */
    public void registerRpcMethod(String method, RpcHandler handler) {
        rpc.register(method, handler);
    }

    public void unregisterRpcMethod(String method) {
        rpc.unregister(method);
    }

    /**
     * Calls {@code method} on {@code destinationIdentity}. The future completes with the response
     * payload or fails with an {@link RpcError}: the callee's, or a built-in one (request payload
     * over 15 KiB, no ack within the ack timeout, no response within {@code responseTimeout}, the
     * callee left, the send failed).
     */
    public CompletableFuture<String> performRpc(
            String destinationIdentity, String method, String payload, Duration responseTimeout) {
        return rpc.perform(destinationIdentity, method, payload, responseTimeout);
    }

    /** {@link #performRpc(String, String, String, Duration)} with the SDKs' default 15 s timeout. */
    public CompletableFuture<String> performRpc(String destinationIdentity, String method, String payload) {
        return performRpc(destinationIdentity, method, payload, Duration.ofSeconds(15));
    }

    // ---- SIP DTMF ----

    /** Sends a DTMF tone; a SIP participant among the receivers plays it into its call. */
    public void publishDtmf(int code, String digit, String... destinationIdentities) {
        var dtmf = SipDTMF.newBuilder().setCode(code).setDigit(digit);
        sender.send(PacketSender.packet(List.of(destinationIdentities), null).setSipDtmf(dtmf), true);
    }

    public void addDtmfListener(Consumer<DtmfReceived> listener) {
        dtmfListeners.add(listener);
    }

    public void removeDtmfListener(Consumer<DtmfReceived> listener) {
        dtmfListeners.remove(listener);
    }

    // ---- internals ----

    private void onUser(String sender, UserPacket user) {
        String from = !sender.isEmpty() ? sender : user.getParticipantIdentity();
        var event = new DataReceived(
                from,
                user.hasTopic() ? user.getTopic() : null,
                user.getPayload().toByteArray());
        dispatch(dataListeners, event);
    }

    private void onDtmf(String sender, SipDTMF dtmf) {
        dispatch(dtmfListeners, new DtmfReceived(sender, dtmf.getCode(), dtmf.getDigit()));
    }

    private <E> void dispatch(List<Consumer<E>> listeners, E event) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            events.execute(() -> {
                for (Consumer<E> listener : listeners) {
                    try {
                        listener.accept(event);
                    } catch (RuntimeException e) {
                        log.warn("A data listener failed on {}", event, e);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            log.debug("Closed; dropping {}", event);
        }
    }

    /**
     * Whether a reliable packet was already delivered: a resumed connection may replay packets, so
     * as client-sdk-js does, a packet whose sequence is not above its sender's last one is dropped.
     */
    private boolean isReplayed(DataPacket packet) {
        String sid = packet.getParticipantSid();
        long sequence = Integer.toUnsignedLong(packet.getSequence());
        if (sequence == 0 || sid.isEmpty()) {
            return false;
        }
        Long last = lastSequence.get(sid);
        if (last != null && sequence <= last) {
            log.debug("Dropping replayed packet {} from {}", sequence, sid);
            return true;
        }
        lastSequence.put(sid, sequence);
        identityBySid.put(sid, packet.getParticipantIdentity());
        return false;
    }
}
