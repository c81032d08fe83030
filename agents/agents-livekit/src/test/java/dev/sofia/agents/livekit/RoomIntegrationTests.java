package dev.sofia.agents.livekit;

import static dev.sofia.agents.livekit.testing.PythonPeer.where;
import static dev.sofia.agents.livekit.testing.PythonPeer.whereNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.Goertzel;
import dev.sofia.agents.audio.PlayoutBuffer;
import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.livekit.auth.AccessTokens;
import dev.sofia.agents.livekit.data.DataPublishOptions;
import dev.sofia.agents.livekit.data.StreamOptions;
import dev.sofia.agents.livekit.testing.LocalLiveKit;
import dev.sofia.agents.livekit.testing.PythonPeer;
import dev.sofia.agents.livekit.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitRoom.RoomParticipantIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Our room client against a real livekit-server on loopback, with an independent peer on the
 * official Python SDK at the other end. No timing assertions: every wait is generous.
 */
class RoomIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LocalLiveKit server = LocalLiveKit.withPythonPeers();

    @Test
    void seesAnIndependentPeerJoinAndLeave() {
        String room = room();
        try (Room client = connect(room, "sofia")) {
            RoomEvents events = RoomEvents.of(client);
            PythonPeer peer = peer("caller", room);
            RoomEvent.ParticipantConnected joined = events.await(
                    RoomEvent.ParticipantConnected.class,
                    e -> e.participant().identity().equals("caller"),
                    WAIT);
            peer.awaitEvent("participant_connected", where("identity", "sofia"), WAIT);
            assertThat(client.remoteParticipants()).containsKey("caller");

            peer.close();

            RoomEvent.ParticipantDisconnected left = events.await(
                    RoomEvent.ParticipantDisconnected.class,
                    e -> e.participant().identity().equals("caller"),
                    WAIT);
            assertThat(left.participant().sid()).isEqualTo(joined.participant().sid());
            assertThat(client.remoteParticipants()).doesNotContainKey("caller");
        }
    }

    @Test
    void hearsTheTonePublishedByThePeerAsPcm() throws InterruptedException {
        String room = room();
        try (Room client = connect(room, "sofia");
                PythonPeer peer = peer("caller", room)) {
            RoomEvents events = RoomEvents.of(client);
            peer.send("publish_tone", "id", "tone", "frequency", 440);

            RoomEvent.TrackSubscribed subscribed = events.await(RoomEvent.TrackSubscribed.class, WAIT);
            assertThat(subscribed.participant().identity()).isEqualTo("caller");
            AudioStream stream = subscribed.track().stream(16_000, 1);

            // Collect 100 ms windows until ten of them hold the tone, or give up after the wait.
            int toneWindows = 0;
            int windows = 0;
            long frames = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<AudioFrame> window = new ArrayList<>();
            while (toneWindows < 10 && System.nanoTime() < deadline) {
                AudioFrame frame = stream.read(1, TimeUnit.SECONDS);
                if (frame == null) {
                    continue;
                }
                frames++;
                assertThat(frame.sampleRate()).isEqualTo(16_000);
                assertThat(frame.channels()).isEqualTo(1);
                assertThat(frame.samplesPerChannel()).isEqualTo(160);
                window.add(frame);
                if (window.size() == 10) {
                    AudioFrame joined = AudioFrame.concat(window);
                    window.clear();
                    windows++;
                    if (Goertzel.detects(joined, 440) && !Goertzel.detects(joined, 660, 0.05)) {
                        toneWindows++;
                    }
                }
            }
            System.out.printf(
                    "remote tone: %d frames, %d windows of 100 ms, %d with 440 Hz, %d dropped%n",
                    frames, windows, toneWindows, stream.droppedFrames());
            assertThat(toneWindows).as("100 ms windows dominated by 440 Hz").isEqualTo(10);
            stream.close();
        }
    }

    @Test
    void aTrackThePeerUnpublishesIsUnsubscribedAndItsStreamEnds() throws InterruptedException {
        String room = room();
        RoomEvents events = new RoomEvents();
        String token = TestTokens.join(server.config(), room, "sofia");
        try (PythonPeer peer = peer("caller", room, "--tone", "440");
                Room client =
                        Room.connect(server.url(), token, RoomOptions.defaults().withServerIceServers(false), events)) {
            RoomEvent.TrackSubscribed subscribed = events.await(RoomEvent.TrackSubscribed.class, WAIT);
            AudioStream stream = subscribed.track().stream(48_000, 2);
            assertThat(Tones.windowsWith(stream, 440, 1, WAIT)).isEqualTo(1);

            peer.send("unpublish_audio");

            RoomEvent.TrackUnsubscribed unsubscribed = events.await(RoomEvent.TrackUnsubscribed.class, WAIT);
            assertThat(unsubscribed.track().sid()).isEqualTo(subscribed.track().sid());
            assertThat(unsubscribed.track().isEnded()).isTrue();
            assertThat(stream.isClosed()).isTrue();
            while (stream.read(1, TimeUnit.SECONDS) != null) {
                // drain what was queued before the end
            }
            assertThat(client.remoteParticipants().get("caller").audioTracks()).isEmpty();
        }
    }

    @Test
    void publishesAToneThePeerHears() throws InterruptedException {
        String room = room();
        try (Room client = connect(room, "sofia");
                PythonPeer peer = peer("caller", room, "--detect", "440,660")) {
            LocalAudioTrack track = client.localParticipant().publishAudio("sofia-voice", 48_000, 1);
            peer.awaitEvent("track_subscribed", where("participant", "sofia"), WAIT);

            // Two seconds of tone pushed at once, as TTS would burst it; the pacer plays it out.
            ToneGenerator tone = new ToneGenerator(660, 0.5, 48_000, 1);
            List<PlayoutEvents> played = new ArrayList<>();
            track.onPlayout(p -> {
                synchronized (played) {
                    played.add(new PlayoutEvents(p.segmentId(), p.samplesPlayed(), p.interrupted()));
                }
            });
            track.push("reply-1", tone.next(96_000));
            track.endSegment("reply-1");

            JsonNode detected = peer.awaitEvent("tone_detected", whereNumber("frequency", 660), WAIT);
            assertThat(detected.path("participant").asString()).isEqualTo("sofia");
            assertThat(track.awaitDrained(WAIT)).isTrue();
            assertThat(peer.events("tone_detected")).noneMatch(whereNumber("frequency", 440));
            // FINISHED reports follow the last frame on the notification thread.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (played) {
                    if (!played.isEmpty()) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            synchronized (played) {
                assertThat(played).containsExactly(new PlayoutEvents("reply-1", 96_000, false));
            }
        }
    }

    @Test
    void clearingTheBufferStopsTheToneAndReportsHowMuchWasPlayed() throws Exception {
        String room = room();
        try (Room client = connect(room, "sofia");
                PythonPeer peer = peer("caller", room, "--detect", "660")) {
            LocalAudioTrack track = client.localParticipant().publishAudio("sofia-voice", 24_000, 1);
            peer.awaitEvent("track_subscribed", where("participant", "sofia"), WAIT);
            List<PlayoutBuffer.SegmentPlayout> reports = new CopyOnWriteArrayList<>();
            track.onPlayout(reports::add);

            // Ten seconds of "speech"; the caller interrupts once they heard it.
            track.push("long-reply", new ToneGenerator(660, 0.5, 24_000, 1).next(240_000));
            peer.awaitEvent("tone_detected", whereNumber("frequency", 660), WAIT);
            List<PlayoutBuffer.SegmentPlayout> interrupted = track.clearBuffer();
            peer.awaitEvent("tone_ended", whereNumber("frequency", 660), WAIT);

            assertThat(interrupted).hasSize(1);
            PlayoutBuffer.SegmentPlayout cut = interrupted.get(0);
            System.out.printf(
                    "interrupted after %d of %d samples (%d ms)%n",
                    cut.samplesPlayed(), cut.samplesPushed(), cut.played().toMillis());
            assertThat(cut.segmentId()).isEqualTo("long-reply");
            assertThat(cut.interrupted()).isTrue();
            assertThat(cut.samplesPushed()).isEqualTo(240_000);
            assertThat(cut.samplesPlayed()).isPositive().isLessThan(240_000);
            assertThat(track.queuedSamples()).isZero();
        }
    }

    @Test
    void aTokenSignedWithTheWrongSecretIsRefusedWithTheServersReason() {
        String forged = TestTokens.builder(server.config().apiKey(), "not-the-secret-not-the-secret-0123456789")
                .room(room())
                .identity("mallory")
                .build();

        assertThatThrownBy(() -> Room.connect(
                        server.url(), forged, RoomOptions.defaults().withServerIceServers(false)))
                .isInstanceOf(RoomException.class)
                .hasMessageContaining("validate: HTTP 401");
    }

    @Test
    void twoRoomsInOneJvmHearEachOtherAndOneClosingLeavesTheOtherWorking() throws Exception {
        String room = room();
        RoomEvents eventsB = new RoomEvents();
        String tokenB = TestTokens.join(server.config(), room, "sofia-b");
        try (PythonPeer peer = peer("caller", room, "--tone", "440", "--detect", "660");
                Room b = Room.connect(
                        server.url(), tokenB, RoomOptions.defaults().withServerIceServers(false), eventsB)) {
            try (Room a = connect(room, "sofia-a")) {
                LocalAudioTrack voice = a.localParticipant().publishAudio("voice", 48_000, 1);
                RoomEvent.TrackSubscribed fromA = eventsB.await(
                        RoomEvent.TrackSubscribed.class,
                        e -> e.participant().identity().equals("sofia-a"),
                        WAIT);
                peer.awaitEvent("track_subscribed", where("participant", "sofia-a"), WAIT);
                voice.push("s", new ToneGenerator(660, 0.5, 48_000, 1).next(480_000));

                AudioStream streamFromA = fromA.track().stream(16_000, 1);
                assertThat(Tones.windowsWith(streamFromA, 660, 3, WAIT))
                        .as("B hears A")
                        .isEqualTo(3);
                peer.awaitEvent("tone_detected", whereNumber("frequency", 660), WAIT);
            }

            RoomEvent.TrackSubscribed fromPeer = eventsB.await(
                    RoomEvent.TrackSubscribed.class,
                    e -> e.participant().identity().equals("caller"),
                    WAIT);
            AudioStream streamFromPeer = fromPeer.track().stream(16_000, 1);
            assertThat(Tones.windowsWith(streamFromPeer, 440, 3, WAIT))
                    .as("B still hears the peer after A closed")
                    .isEqualTo(3);
            eventsB.await(
                    RoomEvent.ParticipantDisconnected.class,
                    e -> e.participant().identity().equals("sofia-a"),
                    WAIT);
        }
    }

    @Test
    void disconnectIsReportedLastWithClientInitiated() {
        Room client = connect(room(), "sofia");
        RoomEvents events = RoomEvents.of(client);
        client.disconnect();
        RoomEvent.Disconnected disconnected = events.await(RoomEvent.Disconnected.class, WAIT);
        assertThat(disconnected.reason()).isEqualTo(DisconnectReason.CLIENT_INITIATED);
        assertThat(client.isConnected()).isFalse();
        assertThat(events.all()).last().isEqualTo(disconnected);
    }

    @Test
    void exchangesDataPacketsAndAttributesWithThePeer() throws Exception {
        String room = room();
        try (Room client = connect(room, "sofia");
                PythonPeer peer = peer("caller", room)) {
            RoomEvents events = RoomEvents.of(client);
            peer.awaitEvent("participant_connected", where("identity", "sofia"), WAIT);
            awaitRemote(client, "caller");

            peer.send("publish_data", "payload", "Grüße vom Anrufer", "topic", "greeting", "reliable", true);
            RoomEvent.DataReceived received = events.await(RoomEvent.DataReceived.class, WAIT);
            assertThat(received.data().senderIdentity()).isEqualTo("caller");
            assertThat(received.data().topic()).isEqualTo("greeting");
            assertThat(new String(received.data().payload(), StandardCharsets.UTF_8))
                    .isEqualTo("Grüße vom Anrufer");

            client.data()
                    .publishData(
                            "Hallo, hier ist Sofia".getBytes(StandardCharsets.UTF_8),
                            DataPublishOptions.RELIABLE.withTopic("reply"));
            JsonNode data = peer.awaitEvent("data_received", where("topic", "reply"), WAIT);
            assertThat(data.path("sender").asString()).isEqualTo("sofia");
            assertThat(data.path("text").asString()).isEqualTo("Hallo, hier ist Sofia");

            client.localParticipant()
                    .setAttributes(Map.of("lk.agent.state", "listening"))
                    .get(30, TimeUnit.SECONDS);
            JsonNode changed = peer.awaitEvent("attributes_changed", where("participant", "sofia"), WAIT);
            assertThat(changed.path("attributes").path("lk.agent.state").asString())
                    .isEqualTo("listening");
            assertThat(client.localParticipant().attributes()).containsEntry("lk.agent.state", "listening");

            peer.send("set_attributes", "attributes", Map.of("role", "caller"));
            RoomEvent.AttributesChanged remote = events.await(
                    RoomEvent.AttributesChanged.class,
                    e -> e.participantIdentity().equals("caller"),
                    WAIT);
            assertThat(remote.changed()).containsEntry("role", "caller");
            assertThat(client.remoteParticipants().get("caller").attributes()).containsEntry("role", "caller");
        }
    }

    @Test
    void textStreamsAndRpcWorkBothWaysOverTheRoomsTransport() throws Exception {
        String room = room();
        try (Room client = connect(room, "sofia");
                PythonPeer peer = peer("caller", room, "--text-topics", "reply")) {
            peer.awaitEvent("participant_connected", where("identity", "sofia"), WAIT);
            awaitRemote(client, "caller");
            CompletableFuture<String> received = new CompletableFuture<>();
            client.data().registerTextStreamHandler("test", reader -> received.complete(reader.readAll()));
            client.data().registerRpcMethod("lookup", invocation -> "slot for " + invocation.payload());

            // 20 kB of mixed 1- to 4-byte characters: several chunks, split only at UTF-8 boundaries.
            peer.send("send_text", "topic", "test", "generate_bytes", 20_000, "non_ascii", true, "mode", "stream");
            JsonNode sent = peer.awaitEvent("text_sent", WAIT);
            assertThat(sha256(received.get(30, TimeUnit.SECONDS)))
                    .isEqualTo(sent.path("sha256").asString());

            String reply = "Gern, morgen um 9:30 – bis dann! 🦷".repeat(600);
            client.data().sendText(reply, StreamOptions.topic("reply"));
            JsonNode text = peer.awaitEvent("text_received", where("topic", "reply"), WAIT);
            assertThat(text.path("sha256").asString()).isEqualTo(sha256(reply));

            assertThat(client.data().performRpc("caller", "upper", "hallo").get(30, TimeUnit.SECONDS))
                    .isEqualTo("HALLO");
            peer.send("perform_rpc", "destination", "sofia", "method", "lookup", "payload", "Dienstag");
            JsonNode result = peer.awaitEvent("rpc_result", WAIT);
            assertThat(result.path("ok").asBoolean()).isTrue();
            assertThat(result.path("payload").asString()).isEqualTo("slot for Dienstag");
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void carriesAudioOverIceTcpWhenUdpIsDisabled() throws InterruptedException {
        String room = room();
        String token = TestTokens.join(server.config(), room, "sofia");
        RoomOptions tcpOnly = RoomOptions.defaults().withServerIceServers(false).withDisableUdp(true);
        try (Room client = Room.connect(server.url(), token, tcpOnly);
                PythonPeer peer = peer("caller", room)) {
            RoomEvents events = RoomEvents.of(client);
            peer.send("publish_tone", "id", "tone", "frequency", 440);
            RoomEvent.TrackSubscribed subscribed = events.await(RoomEvent.TrackSubscribed.class, WAIT);
            AudioStream stream = subscribed.track().stream(48_000, 1);
            assertThat(Tones.windowsWith(stream, 440, 5, WAIT))
                    .as("100 ms windows with 440 Hz over TCP")
                    .isEqualTo(5);
        }
    }

    @Test
    void resumesTheSessionWhenTheSignalConnectionBreaks() throws Exception {
        String room = room();
        RoomEvents events = new RoomEvents();
        String token = TestTokens.join(server.config(), room, "sofia");
        try (PythonPeer peer = peer("caller", room, "--tone", "440", "--detect", "660");
                Room client =
                        Room.connect(server.url(), token, RoomOptions.defaults().withServerIceServers(false), events)) {
            RoomEvent.TrackSubscribed subscribed = events.await(RoomEvent.TrackSubscribed.class, WAIT);
            AudioStream stream = subscribed.track().stream(16_000, 1);
            assertThat(Tones.windowsWith(stream, 440, 3, WAIT)).isEqualTo(3);

            client.simulateSignalLoss();

            events.await(RoomEvent.Reconnecting.class, WAIT);
            assertThat(events.await(RoomEvent.Reconnected.class, WAIT).rejoined())
                    .as("a resume, not a rejoin")
                    .isFalse();
            // The session carried on: the same stream still hears the peer, the new signal
            // connection works, media we publish now reaches the peer, and the peer never saw us go.
            assertThat(Tones.windowsWith(stream, 440, 3, WAIT))
                    .as("440 Hz after the resume")
                    .isEqualTo(3);
            client.localParticipant().setAttributes(Map.of("resumed", "yes")).get(30, TimeUnit.SECONDS);
            LocalAudioTrack track = client.localParticipant().publishAudio("after-resume", 48_000, 1);
            peer.awaitEvent("track_subscribed", where("participant", "sofia"), WAIT);
            track.push("s", new ToneGenerator(660, 0.5, 48_000, 1).next(96_000));
            peer.awaitEvent("tone_detected", whereNumber("frequency", 660), WAIT);
            assertThat(peer.events("participant_disconnected")).isEmpty();
            assertThat(events.all()).noneMatch(RoomEvent.Disconnected.class::isInstance);
        }
    }

    /**
     * A full reconnect with a real trigger from the server: our client leaves one subscriber offer
     * unanswered (test hook), livekit-server gives up on that negotiation after 15 s and sends
     * {@code leave} with action RECONNECT (pkg/rtc/transport.go negotiationFailedTimeout, then
     * participant.go IssueFullReconnect), closing our participant. The room joins afresh and audio
     * flows both ways again.
     */
    @Test
    void rejoinsTheRoomWhenTheServerAsksForAFullReconnect() throws Exception {
        String room = room();
        RoomEvents events = new RoomEvents();
        String token = TestTokens.join(server.config(), room, "sofia");
        Duration rejoinWait = Duration.ofSeconds(90); // the server waits 15 s before asking
        try (PythonPeer peer = peer("caller", room, "--detect", "660");
                Room client =
                        Room.connect(server.url(), token, RoomOptions.defaults().withServerIceServers(false), events)) {
            awaitRemote(client, "caller");
            RemoteParticipant caller = client.remoteParticipants().get("caller");
            client.localParticipant().setAttributes(Map.of("mood", "calm")).get(30, TimeUnit.SECONDS);
            LocalAudioTrack track = client.localParticipant().publishAudio("voice", 48_000, 1);
            peer.awaitEvent("track_subscribed", where("participant", "sofia"), WAIT);
            String participantSid = client.localParticipant().sid();
            String trackSid = track.sid();

            // The peer's new track makes the server offer; that offer stays unanswered.
            client.dropNextSubscriberOffer();
            peer.send("publish_tone", "id", "tone", "frequency", 440);

            events.await(RoomEvent.Reconnecting.class, rejoinWait);
            RoomEvent.Reconnected reconnected = events.await(RoomEvent.Reconnected.class, rejoinWait);
            assertThat(reconnected.rejoined()).as("a full rejoin, not a resume").isTrue();
            // Same objects, new server ids.
            assertThat(client.localParticipant().sid()).isNotEqualTo(participantSid);
            assertThat(track.sid()).isNotEqualTo(trackSid);
            assertThat(client.remoteParticipants().get("caller")).isSameAs(caller);

            // We hear the peer: its track was subscribed in the new session (the dropped offer
            // was the only one that carried it before).
            RoomEvent.TrackSubscribed subscribed = events.await(RoomEvent.TrackSubscribed.class, WAIT);
            assertThat(subscribed.participant()).isSameAs(caller);
            try (AudioStream stream = subscribed.track().stream(16_000, 1)) {
                assertThat(Tones.windowsWith(stream, 440, 3, WAIT))
                        .as("440 Hz after the rejoin")
                        .isEqualTo(3);
            }
            // The peer hears us: the same LocalAudioTrack, published again, keeps playing out.
            int mark = peer.mark();
            track.push("after-rejoin", new ToneGenerator(660, 0.5, 48_000, 1).next(96_000));
            JsonNode heard = peer.awaitEvent(mark, "tone_detected", whereNumber("frequency", 660), WAIT);
            assertThat(heard.path("participant").asString()).isEqualTo("sofia");
            assertThat(heard.path("track_sid").asString()).isEqualTo(track.sid());
            // The attribute we had set was set again on the new participant; signal and data work.
            awaitAttribute(client, "mood", "calm");
            client.localParticipant().setAttributes(Map.of("rejoined", "yes")).get(30, TimeUnit.SECONDS);
            peer.awaitEvent(
                    "attributes_changed",
                    node -> node.path("participant").asString().equals("sofia")
                            && node.path("attributes")
                                    .path("rejoined")
                                    .asString()
                                    .equals("yes"),
                    WAIT);
            client.data().publishData("after".getBytes(StandardCharsets.UTF_8), DataPublishOptions.RELIABLE);
            peer.awaitEvent("data_received", where("sender", "sofia"), WAIT);
            assertThat(events.all()).noneMatch(RoomEvent.Disconnected.class::isInstance);
            assertThat(client.isConnected()).isTrue();
        }
    }

    /**
     * A full reconnect after a refused resume, with the server's real answer: the server removes our
     * participant while its leave is lost on the way (test hook: incoming signal messages dropped,
     * the connection's close still arrives), so the room tries to resume; livekit-server no longer
     * knows the participant and answers the resume with {@code leave} RECONNECT
     * (pkg/service/roommanager.go StartSession), and the room joins afresh.
     */
    @Test
    void rejoinsWhenTheServerRefusesTheResume() throws Exception {
        String room = room();
        RoomEvents events = new RoomEvents();
        String token = TestTokens.join(server.config(), room, "sofia");
        try (PythonPeer peer = peer("caller", room, "--tone", "440", "--detect", "660");
                Room client =
                        Room.connect(server.url(), token, RoomOptions.defaults().withServerIceServers(false), events)) {
            LocalAudioTrack track = client.localParticipant().publishAudio("voice", 48_000, 1);
            peer.awaitEvent("track_subscribed", where("participant", "sofia"), WAIT);
            RoomEvent.TrackSubscribed before = events.await(RoomEvent.TrackSubscribed.class, WAIT);
            String participantSid = client.localParticipant().sid();

            client.loseIncomingSignalMessages();
            removeParticipant(room, "sofia");

            events.await(RoomEvent.Reconnecting.class, WAIT);
            assertThat(events.await(RoomEvent.Reconnected.class, Duration.ofSeconds(60))
                            .rejoined())
                    .as("a full rejoin after the refused resume")
                    .isTrue();
            assertThat(events.all()).noneMatch(RoomEvent.Disconnected.class::isInstance);
            assertThat(client.localParticipant().sid()).isNotEqualTo(participantSid);
            assertThat(before.track().isEnded()).isTrue();
            RoomEvent.TrackSubscribed after =
                    events.await(RoomEvent.TrackSubscribed.class, e -> e.track() != before.track(), WAIT);
            try (AudioStream stream = after.track().stream(16_000, 1)) {
                assertThat(Tones.windowsWith(stream, 440, 3, WAIT))
                        .as("440 Hz after the rejoin")
                        .isEqualTo(3);
            }
            int mark = peer.mark();
            track.push("after-rejoin", new ToneGenerator(660, 0.5, 48_000, 1).next(96_000));
            peer.awaitEvent(mark, "tone_detected", whereNumber("frequency", 660), WAIT);
        }
    }

    /** RoomService.RemoveParticipant over Twirp (protobuf POST) with a room-admin token. */
    private static void removeParticipant(String room, String identity) throws Exception {
        String adminToken = AccessTokens.builder(
                        server.config().apiKey(), server.config().apiSecret())
                .roomAdmin(room)
                .build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        server.config().httpUrl() + "/twirp/livekit.RoomService/RemoveParticipant"))
                                .header("Authorization", "Bearer " + adminToken)
                                .header("Content-Type", "application/protobuf")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(RoomParticipantIdentity.newBuilder()
                                        .setRoom(room)
                                        .setIdentity(identity)
                                        .build()
                                        .toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
    }

    private static void awaitAttribute(Room client, String key, String value) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!value.equals(client.localParticipant().attributes().get(key)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(client.localParticipant().attributes()).containsEntry(key, value);
    }

    /** The server announces a joiner to others only a little after it joined; wait for that. */
    private static void awaitRemote(Room client, String identity) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!client.remoteParticipants().containsKey(identity) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(client.remoteParticipants()).containsKey(identity);
    }

    private record PlayoutEvents(String segmentId, long samplesPlayed, boolean interrupted) {}

    static Room connect(String room, String identity) {
        String token = TestTokens.join(server.config(), room, identity);
        // Offline hosts cannot reach the public STUN servers the server lists by default.
        return Room.connect(server.url(), token, RoomOptions.defaults().withServerIceServers(false));
    }

    private static PythonPeer peer(String identity, String room, String... args) {
        String token = TestTokens.join(server.config(), room, identity);
        PythonPeer peer = PythonPeer.start(identity, server.url(), token, args);
        peer.awaitEvent("joined", WAIT);
        return peer;
    }

    private static String room() {
        return "room-" + UUID.randomUUID();
    }
}
