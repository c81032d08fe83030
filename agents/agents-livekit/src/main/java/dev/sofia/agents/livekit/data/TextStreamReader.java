package dev.sofia.agents.livekit.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A received text stream, handed to a {@link TextStreamHandler} when its header arrives. Read it
 * piece by piece with {@link #readChunk()} (each piece as the sender wrote it, at most 15,000
 * bytes) or whole with {@link #readAll()}, from one thread; reads block until text, the end or a
 * failure arrives. The stream fails with a {@link DataStreamException} when the sender aborts it or
 * leaves, when chunks are missing at the end, when it exceeds the size limit, or when the room
 * closes. {@link #close()} drops the rest.
 */
public final class TextStreamReader implements AutoCloseable {

    private final IncomingStream stream;
    // Senders split at character boundaries, but a character split across chunks is still decoded whole.
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private boolean finished;

    TextStreamReader(IncomingStream stream) {
        this.stream = stream;
    }

    /** The header's info; once a read has reached the end, with the trailer's attributes merged in. */
    public StreamInfo info() {
        return stream.info();
    }

    /** The next piece of text, or null at the end of the stream. Never returns "". */
    public @Nullable String readChunk() throws InterruptedException {
        while (!finished) {
            byte[] chunk = stream.take();
            String text = chunk != null ? decode(chunk) : finish();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    /** All text up to the end of the stream. */
    public String readAll() throws InterruptedException {
        var all = new StringBuilder();
        for (String piece; (piece = readChunk()) != null; ) {
            all.append(piece);
        }
        return all.toString();
    }

    /** Stops reading: buffered and later chunks are dropped, further reads throw. */
    @Override
    public void close() {
        stream.discard();
    }

    private String decode(byte[] chunk) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + chunk.length);
        in.put(pending).put(chunk).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        pending = in.slice();
        return out.flip().toString();
    }

    private String finish() {
        finished = true;
        CharBuffer out = CharBuffer.allocate(pending.remaining() + 2);
        decoder.decode(pending, out, true);
        decoder.flush(out);
        return out.flip().toString();
    }
}
