package dev.sofia.agents.livekit.data;

/**
 * An open outgoing byte stream. Lifecycle: opened (header sent) by
 * {@link RoomData#streamBytes(StreamOptions)} → any number of {@link #write(byte[])} → {@link
 * #close()} (trailer) or {@link #abort(String)}. Each write is sent at once in chunks of at most
 * 15,000 bytes. Thread-safe; writes after close throw {@link DataStreamException}.
 */
public final class ByteStreamWriter extends OutgoingStream {

    ByteStreamWriter(PacketSender sender, StreamOptions options) {
        super(sender, options, "application/octet-stream", false);
    }

    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    public synchronized void write(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        ensureOpen();
        for (int start = offset; start < offset + length; start += PacketSender.MAX_PACKET_BYTES) {
            sendChunk(bytes, start, Math.min(PacketSender.MAX_PACKET_BYTES, offset + length - start));
        }
    }
}
