package dev.sofia.agents.livekit.data;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to open an outgoing text or byte stream. Start from {@link #topic(String)} and refine with
 * the {@code with…} methods.
 *
 * @param topic the topic receivers register handlers for ("" for none)
 * @param attributes header attributes (the whole header must fit one 15,000-byte packet)
 * @param destinationIdentities receivers; empty = everyone in the room
 * @param totalSize total byte size if known in advance (receivers then check it), else null
 * @param mimeType MIME type; null = "text/plain" for text, "application/octet-stream" for bytes
 * @param name file name of a byte stream; null = "unknown"
 * @param senderIdentity publish on behalf of another participant (the agent publishing a user's
 *     transcript); null = the local participant. The server must allow it.
 * @param streamId a caller-chosen stream id; null = a random UUID
 */
public record StreamOptions(
        String topic,
        Map<String, String> attributes,
        List<String> destinationIdentities,
        @Nullable Long totalSize,
        @Nullable String mimeType,
        @Nullable String name,
        @Nullable String senderIdentity,
        @Nullable String streamId) {

    public StreamOptions {
        attributes = Map.copyOf(attributes);
        destinationIdentities = List.copyOf(destinationIdentities);
        if (totalSize != null && totalSize < 0) {
            throw new IllegalArgumentException("totalSize must not be negative");
        }
    }

    public static StreamOptions topic(String topic) {
        return new StreamOptions(topic, Map.of(), List.of(), null, null, null, null, null);
    }

    public StreamOptions withAttributes(Map<String, String> attributes) {
        return new StreamOptions(
                topic, attributes, destinationIdentities, totalSize, mimeType, name, senderIdentity, streamId);
    }

    public StreamOptions withDestinations(String... identities) {
        return new StreamOptions(
                topic, attributes, List.of(identities), totalSize, mimeType, name, senderIdentity, streamId);
    }

    public StreamOptions withTotalSize(long bytes) {
        return new StreamOptions(
                topic, attributes, destinationIdentities, bytes, mimeType, name, senderIdentity, streamId);
    }

    public StreamOptions withMimeType(String mimeType) {
        return new StreamOptions(
                topic, attributes, destinationIdentities, totalSize, mimeType, name, senderIdentity, streamId);
    }

    public StreamOptions withName(String name) {
        return new StreamOptions(
                topic, attributes, destinationIdentities, totalSize, mimeType, name, senderIdentity, streamId);
    }

    public StreamOptions onBehalfOf(String senderIdentity) {
        return new StreamOptions(
                topic, attributes, destinationIdentities, totalSize, mimeType, name, senderIdentity, streamId);
    }

    public StreamOptions withStreamId(String streamId) {
        return new StreamOptions(
                topic, attributes, destinationIdentities, totalSize, mimeType, name, senderIdentity, streamId);
    }
}
