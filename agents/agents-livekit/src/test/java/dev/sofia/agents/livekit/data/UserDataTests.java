package dev.sofia.agents.livekit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.SipDTMF;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserDataTests {

    private final LoopbackRoom room = new LoopbackRoom();

    @AfterEach
    void close() {
        room.close();
    }

    @Test
    void packetsCarryTopicAndSenderAndReachOnlyTheirDestinations() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        RoomData carol = room.join("carol");
        var bobGot = new LinkedBlockingQueue<DataReceived>();
        var carolGot = new LinkedBlockingQueue<DataReceived>();
        bob.addDataListener(bobGot::add);
        carol.addDataListener(carolGot::add);

        alice.publishData(
                bytes("für bob"),
                DataPublishOptions.RELIABLE.withTopic("private").withDestinations("bob"));
        alice.publishData(bytes("an alle"), DataPublishOptions.RELIABLE);

        DataReceived first = bobGot.poll(10, TimeUnit.SECONDS);
        assertThat(first.senderIdentity()).isEqualTo("alice");
        assertThat(first.topic()).isEqualTo("private");
        assertThat(text(first)).isEqualTo("für bob");
        DataReceived second = bobGot.poll(10, TimeUnit.SECONDS);
        assertThat(second.topic()).isNull();
        assertThat(text(second)).isEqualTo("an alle");
        assertThat(text(carolGot.poll(10, TimeUnit.SECONDS))).isEqualTo("an alle");
        room.awaitDelivered();
        assertThat(carolGot).isEmpty();

        DataPacket sent = room.sentBy("alice", DataPacket.ValueCase.USER).getFirst();
        assertThat(sent.getDestinationIdentitiesList()).containsExactly("bob");
        assertThat(sent.getUser().getDestinationIdentitiesList()).containsExactly("bob");
    }

    @Test
    void listenersRunOffTheDeliveryThreadInArrivalOrder() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var threads = new LinkedBlockingQueue<Thread>();
        var got = new LinkedBlockingQueue<String>();
        bob.addDataListener(event -> {
            threads.add(Thread.currentThread());
            got.add(text(event));
        });

        for (int i = 0; i < 50; i++) {
            alice.publishData(bytes("m" + i), DataPublishOptions.RELIABLE);
        }

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            order.add(got.poll(10, TimeUnit.SECONDS));
        }
        assertThat(order)
                .containsExactlyElementsOf(
                        IntStream.range(0, 50).mapToObj(i -> "m" + i).toList());
        assertThat(threads).allSatisfy(thread -> {
            assertThat(thread.isVirtual()).isTrue();
            assertThat(thread.getName()).doesNotStartWith("delivery-");
        });
    }

    @Test
    void reliablePacketsAreNumberedFromOneAndLossyOnesCarryZero() throws Exception {
        RoomData alice = room.join("alice");
        room.join("bob");
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            senders.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 50; i++) {
                    alice.publishData(bytes("r"), DataPublishOptions.RELIABLE);
                    alice.publishData(bytes("l"), DataPublishOptions.LOSSY);
                }
            }));
        }
        alice.sendText("and a stream", StreamOptions.topic("t"));
        for (Thread sender : senders) {
            sender.join();
        }

        List<Integer> reliable = room.sent.stream()
                .filter(LoopbackRoom.Sent::reliable)
                .map(s -> s.packet().getSequence())
                .toList();
        assertThat(reliable)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 203).boxed().toList());
        assertThat(room.sent.stream().filter(s -> !s.reliable()))
                .hasSize(200)
                .allSatisfy(s -> assertThat(s.packet().getSequence()).isZero())
                .allSatisfy(s -> assertThat(s.packet().getKind()).isEqualTo(DataPacket.Kind.LOSSY));

        alice.onNewSession();
        alice.publishData(bytes("after rejoin"), DataPublishOptions.RELIABLE);
        assertThat(room.sent.getLast().packet().getSequence()).isEqualTo(1);
    }

    @Test
    void replayedReliablePacketsAreDeliveredOnce() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var got = new LinkedBlockingQueue<String>();
        bob.addDataListener(event -> got.add(text(event)));
        var streams = new LinkedBlockingQueue<String>();
        bob.registerTextStreamHandler("t", reader -> streams.add(reader.readAll()));
        room.replayReliable(true);

        alice.publishData(bytes("once"), DataPublishOptions.RELIABLE);
        alice.sendText("whole", StreamOptions.topic("t"));
        alice.publishData(bytes("twice?"), DataPublishOptions.RELIABLE);

        assertThat(streams.poll(10, TimeUnit.SECONDS)).isEqualTo("whole");
        room.awaitDelivered();
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("once");
        assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("twice?");
        room.awaitDelivered();
        assertThat(got).isEmpty();
        assertThat(streams).isEmpty();
    }

    @Test
    void lossyChaosLosesOnlyLossyPackets() throws Exception {
        RoomData alice = room.join("alice");
        RoomData bob = room.join("bob");
        var lossy = new LinkedBlockingQueue<String>();
        var reliable = new LinkedBlockingQueue<String>();
        bob.addDataListener(event -> ("lossy".equals(event.topic()) ? lossy : reliable).add(text(event)));
        room.lossyChaos(true);

        for (int i = 0; i < 200; i++) {
            alice.publishData(bytes("l" + i), DataPublishOptions.LOSSY.withTopic("lossy"));
            alice.publishData(bytes("r" + i), DataPublishOptions.RELIABLE.withTopic("reliable"));
        }

        List<String> reliableOrder = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            reliableOrder.add(reliable.poll(10, TimeUnit.SECONDS));
        }
        assertThat(reliableOrder)
                .containsExactlyElementsOf(
                        IntStream.range(0, 200).mapToObj(i -> "r" + i).toList());
        room.awaitDelivered();
        var lossyGot = new ArrayList<String>();
        lossy.drainTo(lossyGot);
        // The chaos lost, duplicated and reordered some: every delivery is one that was sent, and the set differs.
        assertThat(lossyGot).allSatisfy(m -> assertThat(m).matches("l\\d+"));
        assertThat(new HashSet<>(lossyGot)).hasSizeLessThan(200);
        assertThat(lossyGot).hasSizeGreaterThan(new HashSet<>(lossyGot).size());
    }

    @Test
    void dtmfArrivesAsEventsAndCanBeSent() throws Exception {
        RoomData agent = room.join("agent");
        RoomData sip = room.join("sip_+4930123");
        var tones = new LinkedBlockingQueue<DtmfReceived>();
        agent.addDtmfListener(tones::add);
        var heard = new CompletableFuture<DtmfReceived>();
        sip.addDtmfListener(heard::complete);

        sip.publishDtmf(11, "#");
        agent.publishDtmf(1, "1", "sip_+4930123");

        assertThat(tones.poll(10, TimeUnit.SECONDS)).isEqualTo(new DtmfReceived("sip_+4930123", 11, "#"));
        assertThat(heard.get(10, TimeUnit.SECONDS)).isEqualTo(new DtmfReceived("agent", 1, "1"));
        DataPacket sent = room.sentBy("agent", DataPacket.ValueCase.SIP_DTMF).getFirst();
        assertThat(sent.getSipDtmf())
                .isEqualTo(SipDTMF.newBuilder().setCode(1).setDigit("1").build());
        assertThat(sent.getDestinationIdentitiesList()).containsExactly("sip_+4930123");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(DataReceived event) {
        return new String(event.payload(), StandardCharsets.UTF_8);
    }
}
