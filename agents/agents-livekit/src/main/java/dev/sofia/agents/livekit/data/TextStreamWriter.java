package dev.sofia.agents.livekit.data;

/**
 * An open outgoing text stream. Lifecycle: opened (header sent) by
 * {@link RoomData#streamText(StreamOptions)} → any number of {@link #write(String)} → {@link
 * #close()} (trailer) or {@link #abort(String)}. Each write is sent at once, split into chunks of
 * at most 15,000 bytes at UTF-8 character boundaries, so receivers can show text as it arrives (a
 * delta stream). Thread-safe; writes after close throw {@link DataStreamException}.
 */
public final class TextStreamWriter extends OutgoingStream {

    TextStreamWriter(PacketSender sender, StreamOptions options) {
        super(sender, options, "text/plain", true);
    }

    /** Sends {@code text} (nothing for ""). */
    public synchronized void write(String text) {
        ensureOpen();
        for (byte[] piece : Utf8.split(text, PacketSender.MAX_PACKET_BYTES)) {
            sendChunk(piece, 0, piece.length);
        }
    }
}
