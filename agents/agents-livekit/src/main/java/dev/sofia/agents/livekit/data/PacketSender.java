package dev.sofia.agents.livekit.data;

import java.util.Collection;
import livekit.LivekitModels.DataPacket;
import org.jspecify.annotations.Nullable;

/**
 * The one way out to the transport. Stamps reliable packets with this session's sequence numbers
 * (1, 2, 3, … as client-sdk-js and rust-sdks do; lossy packets carry 0) and hands them to the
 * transport under one lock, so the numbers reach the channel in increasing order: the server drops
 * a reliable packet whose sequence is not above the sender's last one.
 */
final class PacketSender {

    /** What client-sdk-js and rust-sdks keep a chunk and a header below (the SCTP message is ~16 KiB). */
    static final int MAX_PACKET_BYTES = 15_000;

    private final DataTransport transport;
    private final Object lock = new Object();
    private int nextSequence = 1;

    PacketSender(DataTransport transport) {
        this.transport = transport;
    }

    String localIdentity() {
        return transport.localIdentity();
    }

    void send(DataPacket.Builder packet, boolean reliable) {
        packet.setKind(reliable ? DataPacket.Kind.RELIABLE : DataPacket.Kind.LOSSY);
        if (!reliable) {
            transport.send(packet.setSequence(0).build(), false);
            return;
        }
        synchronized (lock) {
            transport.send(packet.setSequence(nextSequence).build(), true);
            nextSequence++;
        }
    }

    /** A new signalling session (a full rejoin, not a resume): the server counts afresh. */
    void resetSequence() {
        synchronized (lock) {
            nextSequence = 1;
        }
    }

    static DataPacket.Builder packet(Collection<String> destinations, @Nullable String senderIdentity) {
        DataPacket.Builder packet = DataPacket.newBuilder().addAllDestinationIdentities(destinations);
        if (senderIdentity != null) {
            packet.setParticipantIdentity(senderIdentity);
        }
        return packet;
    }
}
