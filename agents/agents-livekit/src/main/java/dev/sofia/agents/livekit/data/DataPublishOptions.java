package dev.sofia.agents.livekit.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to publish a user data packet: start from {@link #RELIABLE} or {@link #LOSSY}.
 *
 * @param reliable the ordered, retransmitted channel ({@code _reliable}) or the lossy one
 *     ({@code _lossy}: unordered, no retransmits, for data that is stale once late)
 * @param topic optional topic receivers can filter on
 * @param destinationIdentities receivers; empty = everyone in the room
 */
public record DataPublishOptions(boolean reliable, @Nullable String topic, List<String> destinationIdentities) {

    public DataPublishOptions {
        destinationIdentities = List.copyOf(destinationIdentities);
    }

    /** Reliable, no topic, to everyone. */
    public static final DataPublishOptions RELIABLE = new DataPublishOptions(true, null, List.of());

    /** Lossy, no topic, to everyone. */
    public static final DataPublishOptions LOSSY = new DataPublishOptions(false, null, List.of());

    public DataPublishOptions withTopic(String topic) {
        return new DataPublishOptions(reliable, topic, destinationIdentities);
    }

    public DataPublishOptions withDestinations(String... identities) {
        return new DataPublishOptions(reliable, topic, List.of(identities));
    }
}
