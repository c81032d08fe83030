package dev.sofia.agents.livekit.data;

public interface DataTransport {
    /** Sends a packet on the publisher's _reliable (reliable=true) or _lossy channel; sets participant_identity if empty; thread-safe; never blocks on the network for long. */
    void send(livekit.LivekitModels.DataPacket packet, boolean reliable);

    String localIdentity();
}
