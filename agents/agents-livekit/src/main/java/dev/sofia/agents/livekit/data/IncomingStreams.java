package dev.sofia.agents.livekit.data;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import livekit.LivekitModels.DataStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes received stream headers, chunks and trailers to readers. Runs on the delivery thread and
 * never blocks it: handlers start on virtual threads. A stream whose topic has no handler is
 * ignored, and so are chunks and trailers of streams it does not know.
 */
final class IncomingStreams {

    private static final Logger log = LoggerFactory.getLogger(IncomingStreams.class);

    private record Open(IncomingStream stream, String senderIdentity) {}

    private final Map<String, TextStreamHandler> textHandlers = new ConcurrentHashMap<>();
    private final Map<String, ByteStreamHandler> byteHandlers = new ConcurrentHashMap<>();
    private final Map<String, Open> open = new HashMap<>();
    private final RoomDataOptions options;
    private boolean closed;

    IncomingStreams(RoomDataOptions options) {
        this.options = options;
    }

    void registerTextHandler(String topic, TextStreamHandler handler) {
        if (textHandlers.putIfAbsent(topic, handler) != null) {
            throw new IllegalStateException("a text stream handler for topic '" + topic + "' is already registered");
        }
    }

    void registerByteHandler(String topic, ByteStreamHandler handler) {
        if (byteHandlers.putIfAbsent(topic, handler) != null) {
            throw new IllegalStateException("a byte stream handler for topic '" + topic + "' is already registered");
        }
    }

    void unregisterTextHandler(String topic) {
        textHandlers.remove(topic);
    }

    void unregisterByteHandler(String topic) {
        byteHandlers.remove(topic);
    }

    synchronized void onHeader(String senderIdentity, DataStream.Header header) {
        boolean text = header.getContentHeaderCase() == DataStream.Header.ContentHeaderCase.TEXT_HEADER;
        TextStreamHandler textHandler = text ? textHandlers.get(header.getTopic()) : null;
        ByteStreamHandler byteHandler = text ? null : byteHandlers.get(header.getTopic());
        if (closed || (textHandler == null && byteHandler == null)) {
            log.debug("Ignoring stream {} on topic '{}': no handler", header.getStreamId(), header.getTopic());
            return;
        }
        if (open.containsKey(header.getStreamId())) {
            log.warn("Ignoring a second header for open stream {}", header.getStreamId());
            return;
        }
        var info = new StreamInfo(
                header.getStreamId(),
                header.getTopic(),
                header.getMimeType(),
                header.getAttributesMap(),
                senderIdentity,
                Instant.ofEpochMilli(header.getTimestamp()),
                header.hasTotalLength() ? OptionalLong.of(header.getTotalLength()) : OptionalLong.empty(),
                text ? "" : header.getByteHeader().getName());
        var stream = new IncomingStream(info, options.maxStreamBytes());
        if (info.totalLength().orElse(0) > options.maxStreamBytes()) {
            reportDropped(
                    stream,
                    "announces " + info.totalLength().getAsLong() + " bytes, over the limit of "
                            + options.maxStreamBytes());
        } else if (open.size() >= options.maxOpenStreams()) {
            reportDropped(stream, "would exceed the limit of " + options.maxOpenStreams() + " open streams");
        } else {
            open.put(info.id(), new Open(stream, senderIdentity));
        }
        if (textHandler != null) {
            start(info, () -> textHandler.onStream(new TextStreamReader(stream)));
        } else {
            start(info, () -> byteHandler.onStream(new ByteStreamReader(stream)));
        }
    }

    synchronized void onChunk(DataStream.Chunk chunk) {
        Open entry = open.get(chunk.getStreamId());
        if (entry == null) {
            log.trace("Ignoring a chunk of unknown stream {}", chunk.getStreamId());
            return;
        }
        if (!entry.stream().offer(chunk.getChunkIndex(), chunk.getContent().toByteArray())) {
            // Dropped (size limit) or closed by its reader: later chunks are ignored as unknown.
            open.remove(chunk.getStreamId());
            DataStreamException failure = entry.stream().failure();
            if (failure != null) {
                log.warn(
                        "{} (topic '{}', from {})",
                        failure.getMessage(),
                        entry.stream().info().topic(),
                        entry.senderIdentity());
            }
        }
    }

    synchronized void onTrailer(DataStream.Trailer trailer) {
        Open entry = open.remove(trailer.getStreamId());
        if (entry != null) {
            entry.stream().end(trailer.getReason(), trailer.getAttributesMap());
        }
    }

    synchronized void onParticipantDisconnected(String identity) {
        open.values().removeIf(entry -> {
            if (!entry.senderIdentity().equals(identity)) {
                return false;
            }
            entry.stream()
                    .fail(new DataStreamException(
                            DataStreamException.Reason.SENDER_DISCONNECTED,
                            identity + " left before closing stream "
                                    + entry.stream().info().id()));
            return true;
        });
    }

    synchronized void close() {
        closed = true;
        open.values()
                .forEach(entry -> entry.stream()
                        .fail(new DataStreamException(
                                DataStreamException.Reason.CLOSED,
                                "the room closed during stream "
                                        + entry.stream().info().id())));
        open.clear();
    }

    private static void reportDropped(IncomingStream stream, String why) {
        var failure = new DataStreamException(
                DataStreamException.Reason.TOO_LARGE, "stream " + stream.info().id() + " dropped: it " + why);
        log.warn(
                "{} (topic '{}', from {})",
                failure.getMessage(),
                stream.info().topic(),
                stream.info().senderIdentity());
        stream.fail(failure);
    }

    private interface HandlerCall {
        void run() throws Exception;
    }

    private static void start(StreamInfo info, HandlerCall call) {
        Thread.ofVirtual().name("data-stream-" + info.topic()).start(() -> {
            try {
                call.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("Stream handler for topic '{}' failed on stream {}", info.topic(), info.id(), e);
            }
        });
    }
}
