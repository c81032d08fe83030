package dev.sofia.agents.livekit.data;

import java.io.ByteArrayOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A received byte stream, handed to a {@link ByteStreamHandler} when its header arrives. Read it
 * chunk by chunk with {@link #readChunk()} or whole with {@link #readAll()}, from one thread; reads
 * block until data, the end or a failure arrives. The stream fails with a
 * {@link DataStreamException} when the sender aborts it or leaves, when chunks are missing at the
 * end, when it exceeds the size limit, or when the room closes. {@link #close()} drops the rest.
 */
public final class ByteStreamReader implements AutoCloseable {

    private final IncomingStream stream;

    ByteStreamReader(IncomingStream stream) {
        this.stream = stream;
    }

    /** The header's info; once a read has reached the end, with the trailer's attributes merged in. */
    public StreamInfo info() {
        return stream.info();
    }

    /** The next chunk, or null at the end of the stream. */
    public byte @Nullable [] readChunk() throws InterruptedException {
        return stream.take();
    }

    /** Everything up to the end of the stream. */
    public byte[] readAll() throws InterruptedException {
        var all = new ByteArrayOutputStream();
        for (byte[] chunk; (chunk = stream.take()) != null; ) {
            all.writeBytes(chunk);
        }
        return all.toByteArray();
    }

    /** Stops reading: buffered and later chunks are dropped, further reads throw. */
    @Override
    public void close() {
        stream.discard();
    }
}
