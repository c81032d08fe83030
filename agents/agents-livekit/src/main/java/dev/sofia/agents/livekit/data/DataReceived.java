package dev.sofia.agents.livekit.data;

import org.jspecify.annotations.Nullable;

/**
 * A user data packet from another participant.
 *
 * @param senderIdentity who sent it ("" if the server did not say, e.g. a server API message)
 * @param topic the sender's topic, or null
 * @param payload the bytes (a fresh copy per listener call is not made: do not modify)
 */
public record DataReceived(String senderIdentity, @Nullable String topic, byte[] payload) {}
