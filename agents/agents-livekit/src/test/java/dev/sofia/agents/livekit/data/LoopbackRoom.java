package dev.sofia.agents.livekit.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import livekit.LivekitModels.DataPacket;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory room for {@link RoomData} tests: each member's {@link DataTransport} delivers to the
 * other members the way the server and the core do (sender identity and sid filled in,
 * destinations honoured, one delivery thread per receiver, arrival order kept). It records every
 * packet sent, can drop packets, and can misbehave on the lossy channel (drop, duplicate, reorder)
 * or replay reliable packets as a resumed connection does.
 */
final class LoopbackRoom implements AutoCloseable {

    record Sent(String from, DataPacket packet, boolean reliable) {}

    private final class Member implements DataTransport {
        final String identity;
        final ExecutorService delivery;

        @Nullable
        RoomData data;

        Member(String identity) {
            this.identity = identity;
            this.delivery = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().name("delivery-" + identity).factory());
        }

        @Override
        public void send(DataPacket packet, boolean reliable) {
            DataPacket stamped = packet.toBuilder()
                    .setParticipantIdentity(
                            packet.getParticipantIdentity().isEmpty() ? identity : packet.getParticipantIdentity())
                    .setParticipantSid("PA_" + identity)
                    .build();
            route(new Sent(identity, stamped, reliable));
        }

        @Override
        public String localIdentity() {
            return identity;
        }
    }

    /** Everything sent, in send order. */
    final List<Sent> sent = new CopyOnWriteArrayList<>();

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<Member> everyone = new ArrayList<>();
    private final Random random = new Random(42);
    private volatile Predicate<Sent> drop = sent -> false;
    private volatile boolean lossyChaos;
    private volatile boolean replayReliable;
    private @Nullable Sent heldBack;

    RoomData join(String identity) {
        return join(identity, RoomDataOptions.defaults());
    }

    synchronized RoomData join(String identity, RoomDataOptions options) {
        var member = new Member(identity);
        member.data = new RoomData(member, options);
        members.put(identity, member);
        everyone.add(member);
        return member.data;
    }

    /** The participant leaves: the others are told, after the packets already on their way. */
    synchronized void leave(String identity) {
        Member gone = members.remove(identity);
        if (gone == null) {
            return;
        }
        for (Member member : members.values()) {
            member.delivery.execute(() -> member.data.onParticipantDisconnected(identity));
        }
    }

    /** Packets matching {@code filter} are recorded but never delivered. */
    void drop(Predicate<Sent> filter) {
        this.drop = filter;
    }

    /** Lossy packets are dropped, duplicated or delayed behind the next one at random. */
    void lossyChaos(boolean on) {
        this.lossyChaos = on;
    }

    /** Every reliable packet is delivered twice, as a resume may replay it. */
    void replayReliable(boolean on) {
        this.replayReliable = on;
    }

    /** Waits until every delivery queued so far has been handled. */
    void awaitDelivered() throws Exception {
        List<ExecutorService> queues;
        synchronized (this) {
            queues = members.values().stream().map(m -> m.delivery).toList();
        }
        for (ExecutorService queue : queues) {
            queue.submit(() -> {}).get(10, TimeUnit.SECONDS);
        }
    }

    List<DataPacket> sentBy(String identity, DataPacket.ValueCase kind) {
        var packets = new ArrayList<DataPacket>();
        for (Sent s : sent) {
            if (s.from().equals(identity) && s.packet().getValueCase() == kind) {
                packets.add(s.packet());
            }
        }
        return packets;
    }

    private synchronized void route(Sent packet) {
        sent.add(packet);
        if (!members.containsKey(packet.from()) || drop.test(packet)) {
            return;
        }
        if (packet.reliable()) {
            deliver(packet);
            if (replayReliable) {
                deliver(packet);
            }
            return;
        }
        if (!lossyChaos) {
            deliver(packet);
            return;
        }
        int dice = random.nextInt(4);
        if (dice == 0) {
            return; // lost
        }
        if (dice == 1) {
            deliver(packet);
            deliver(packet);
        } else if (dice == 2 && heldBack == null) {
            heldBack = packet;
            return;
        } else {
            deliver(packet);
        }
        if (heldBack != null) {
            Sent late = heldBack;
            heldBack = null;
            deliver(late);
        }
    }

    private void deliver(Sent packet) {
        List<String> destinations = packet.packet().getDestinationIdentitiesList();
        for (Member member : members.values()) {
            if (member.identity.equals(packet.from())) {
                continue;
            }
            if (!destinations.isEmpty() && !destinations.contains(member.identity)) {
                continue;
            }
            member.delivery.execute(() -> member.data.onPacket(packet.packet()));
        }
    }

    @Override
    public synchronized void close() {
        for (Member member : everyone) {
            member.data.close();
            member.delivery.shutdownNow();
        }
    }
}
