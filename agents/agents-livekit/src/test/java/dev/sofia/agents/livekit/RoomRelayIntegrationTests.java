package dev.sofia.agents.livekit;

import static dev.sofia.agents.livekit.testing.PythonPeer.where;
import static dev.sofia.agents.livekit.testing.PythonPeer.whereNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.livekit.testing.LocalLiveKit;
import dev.sofia.agents.livekit.testing.PythonPeer;
import dev.sofia.agents.livekit.testing.TestTokens;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A relay-only client (ICE transport policy "relay") through livekit-server's embedded TURN server,
 * which the join response lists with its credentials: with host and server-reflexive candidates
 * ruled out, the peer connections come up and media flows only if TURN works. The Python peer
 * connects directly.
 */
class RoomRelayIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LocalLiveKit server = LocalLiveKit.withPythonPeers().configured(LiveKitServerConfig::withTurn);

    @BeforeAll
    static void needsAHostAddress() throws SocketException {
        assumeTrue(hasNonLoopbackIpv4(), "the server offers no loopback candidate with TURN on");
    }

    @Test
    void aRelayOnlyClientHearsAndIsHeardThroughTurn() throws InterruptedException {
        String room = "room-" + UUID.randomUUID();
        RoomEvents events = new RoomEvents();
        RoomOptions relayOnly = RoomOptions.defaults().withRelayOnly(true);
        String token = TestTokens.join(server.config(), room, "sofia");
        try (PythonPeer peer = PythonPeer.start(
                        "caller",
                        server.url(),
                        TestTokens.join(server.config(), room, "caller"),
                        "--tone",
                        "440",
                        "--detect",
                        "660");
                Room client = Room.connect(server.url(), token, relayOnly, events)) {
            RoomEvent.TrackSubscribed subscribed = events.await(RoomEvent.TrackSubscribed.class, WAIT);
            AudioStream stream = subscribed.track().stream(16_000, 1);
            assertThat(Tones.windowsWith(stream, 440, 3, WAIT))
                    .as("440 Hz via TURN")
                    .isEqualTo(3);

            LocalAudioTrack track = client.localParticipant().publishAudio("voice", 48_000, 1);
            peer.awaitEvent("track_subscribed", where("participant", "sofia"), WAIT);
            track.push("s", new ToneGenerator(660, 0.5, 48_000, 1).next(96_000));
            peer.awaitEvent("tone_detected", whereNumber("frequency", 660), WAIT);
        }
    }

    @Test
    void relayOnlyFailsToConnectWithoutATurnServer() {
        RoomOptions relayOnlyWithoutTurn = RoomOptions.defaults()
                .withRelayOnly(true)
                .withServerIceServers(false)
                .withConnectTimeout(Duration.ofSeconds(5));
        String token = TestTokens.join(server.config(), "room-" + UUID.randomUUID(), "sofia");

        // Proof that the first test's connection really went through TURN: without it, none comes up.
        assertThatThrownBy(() -> Room.connect(server.url(), token, relayOnlyWithoutTurn))
                .isInstanceOf(RoomException.class);
    }

    private static boolean hasNonLoopbackIpv4() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                if (Collections.list(nic.getInetAddresses()).stream().anyMatch(a -> a instanceof Inet4Address)) {
                    return true;
                }
            }
        }
        return false;
    }
}
