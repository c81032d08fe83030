package dev.sofia.agents.livekit.data;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.DataStream;
import org.jspecify.annotations.Nullable;

/**
 * The sending half shared by {@link TextStreamWriter} and {@link ByteStreamWriter}: sends the header
 * on open, one reliable chunk packet per piece with consecutive indexes, and a trailer on close.
 * Methods are synchronized so concurrent writes from several threads stay whole and ordered.
 */
abstract sealed class OutgoingStream implements AutoCloseable permits TextStreamWriter, ByteStreamWriter {

    private final PacketSender sender;
    private final StreamInfo info;
    private final List<String> destinations;
    private final @Nullable String onBehalfOf;
    private long nextChunkIndex;
    private long bytesWritten;
    private boolean closed;

    OutgoingStream(PacketSender sender, StreamOptions options, String defaultMimeType, boolean text) {
        this.sender = sender;
        this.destinations = options.destinationIdentities();
        this.onBehalfOf = options.senderIdentity();
        String id = options.streamId() != null
                ? options.streamId()
                : UUID.randomUUID().toString();
        String mimeType = options.mimeType() != null ? options.mimeType() : defaultMimeType;
        String name = text ? "" : (options.name() != null ? options.name() : "unknown");
        Instant now = Instant.now();
        this.info = new StreamInfo(
                id,
                options.topic(),
                mimeType,
                options.attributes(),
                onBehalfOf != null ? onBehalfOf : sender.localIdentity(),
                now,
                options.totalSize() != null ? OptionalLong.of(options.totalSize()) : OptionalLong.empty(),
                name);

        DataStream.Header.Builder header = DataStream.Header.newBuilder()
                .setStreamId(id)
                .setTimestamp(now.toEpochMilli())
                .setTopic(options.topic())
                .setMimeType(mimeType)
                .putAllAttributes(options.attributes());
        if (options.totalSize() != null) {
            header.setTotalLength(options.totalSize());
        }
        if (text) {
            header.setTextHeader(DataStream.TextHeader.newBuilder()
                    .setOperationType(DataStream.OperationType.CREATE)
                    .build());
        } else {
            header.setByteHeader(
                    DataStream.ByteHeader.newBuilder().setName(name).build());
        }
        DataPacket.Builder packet =
                PacketSender.packet(destinations, onBehalfOf).setStreamHeader(header);
        if (packet.build().getSerializedSize() > PacketSender.MAX_PACKET_BYTES) {
            throw new DataStreamException(
                    DataStreamException.Reason.HEADER_TOO_LARGE,
                    "stream header exceeds " + PacketSender.MAX_PACKET_BYTES + " bytes; reduce the attributes");
        }
        sender.send(packet, true);
    }

    /** The header as sent. */
    public StreamInfo info() {
        return info;
    }

    /** Sends one chunk; {@code content} is at most {@link PacketSender#MAX_PACKET_BYTES} long. */
    final synchronized void sendChunk(byte[] content, int offset, int length) {
        ensureOpen();
        if (info.totalLength().isPresent()
                && bytesWritten + length > info.totalLength().getAsLong()) {
            throw new DataStreamException(
                    DataStreamException.Reason.LENGTH_EXCEEDED,
                    "stream " + info.id() + " announced " + info.totalLength().getAsLong() + " bytes");
        }
        DataStream.Chunk chunk = DataStream.Chunk.newBuilder()
                .setStreamId(info.id())
                .setChunkIndex(nextChunkIndex)
                .setContent(ByteString.copyFrom(content, offset, length))
                .build();
        sender.send(PacketSender.packet(destinations, onBehalfOf).setStreamChunk(chunk), true);
        nextChunkIndex++;
        bytesWritten += length;
    }

    final synchronized void ensureOpen() {
        if (closed) {
            throw new DataStreamException(DataStreamException.Reason.CLOSED, "stream " + info.id() + " is closed");
        }
    }

    /** Ends the stream normally. Closing twice does nothing. */
    @Override
    public void close() {
        close(Map.of());
    }

    /**
     * Ends the stream normally with attributes that receivers merge into the header's (a
     * transcription segment's {@code lk.transcription_final=true}). Closing twice does nothing.
     */
    public synchronized void close(Map<String, String> trailerAttributes) {
        finish("", trailerAttributes);
    }

    /** Ends the stream abnormally: receivers fail with {@link DataStreamException.Reason#ABNORMAL_END}. */
    public synchronized void abort(String reason) {
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("an abort needs a non-empty reason");
        }
        finish(reason, Map.of());
    }

    private void finish(String reason, Map<String, String> trailerAttributes) {
        if (closed) {
            return;
        }
        closed = true;
        DataStream.Trailer trailer = DataStream.Trailer.newBuilder()
                .setStreamId(info.id())
                .setReason(reason)
                .putAllAttributes(trailerAttributes)
                .build();
        sender.send(PacketSender.packet(destinations, onBehalfOf).setStreamTrailer(trailer), true);
    }

    synchronized long bytesWritten() {
        return bytesWritten;
    }
}
