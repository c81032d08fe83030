package dev.sofia.agents.livekit.data;

/**
 * Receives the text streams of one topic. Called on a virtual thread of its own per stream, when
 * the header arrives; it may block reading. The reader stays usable after the handler returns.
 */
@FunctionalInterface
public interface TextStreamHandler {
    void onStream(TextStreamReader reader) throws Exception;
}
