package dev.sofia.agents.livekit.data;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a stream's header says, plus the sender.
 *
 * @param id stream id
 * @param topic topic, "" if none
 * @param mimeType MIME type ("text/plain" for text streams)
 * @param attributes header attributes; on a received stream, trailer attributes are merged in once
 *     a read has reached the stream's end (see the readers' {@code info()})
 * @param senderIdentity identity of the participant that sent the stream ({@code participant_identity}
 *     of the header packet); the local identity for outgoing streams unless sent on behalf of someone
 * @param timestamp the sender's creation time
 * @param totalLength announced total size in bytes, if the sender knew it
 * @param name file name of a byte stream, "" for text streams
 */
public record StreamInfo(
        String id,
        String topic,
        String mimeType,
        Map<String, String> attributes,
        String senderIdentity,
        Instant timestamp,
        OptionalLong totalLength,
        String name) {

    public StreamInfo {
        attributes = Map.copyOf(attributes);
    }

    StreamInfo withMergedAttributes(Map<String, String> trailerAttributes) {
        if (trailerAttributes.isEmpty()) {
            return this;
        }
        var merged = new java.util.HashMap<>(attributes);
        merged.putAll(trailerAttributes);
        return new StreamInfo(id, topic, mimeType, merged, senderIdentity, timestamp, totalLength, name);
    }
}
