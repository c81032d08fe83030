package dev.sofia.bench;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.livekit.AudioStream;
import dev.sofia.agents.livekit.LocalAudioTrack;
import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.RoomEvent;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.time.Duration;
import java.util.List;

/**
 * What the transport adds to a turn through livekit-server, measured with nothing but transport: the
 * caller ({@link VoiceRoomCaller}, as in the turns) speaks a 200 ms tone into a room where an echo
 * participant (our room client) pushes every 10 ms frame it receives from the caller straight into
 * its own published track. From the tone's first frame leaving the caller's pacer to the caller
 * receiving the first audible frame back is the round trip an agent's answer also makes: the
 * caller's sending, the server, the agent side's receive buffer and decoding, its playout pacer
 * (up to 10 ms), the server again, and the caller's receive buffer.
 */
final class VoiceLoopback {

    private VoiceLoopback() {}

    static VoiceTurns.Outcome measure(LiveKitServerConfig server, String url, int probes) throws InterruptedException {
        String roomName = "vb-loopback";
        AudioFrame tone =
                new ToneGenerator(440, 0.3, VoiceRoomCaller.PUBLISH_RATE, 1).next(VoiceRoomCaller.PUBLISH_RATE / 5);
        List<VoiceSpeech.Utterance> probe = List.of(new VoiceSpeech.Utterance("tone", tone));
        VoiceTurns.Outcome outcome = VoiceTurns.Outcome.empty();
        try (Echo echo = new Echo(url, RoomsSide.token(server.apiKey(), server.apiSecret(), roomName, "echo"));
                VoiceRoomCaller caller = VoiceRoomCaller.join(
                        roomName,
                        url,
                        RoomsSide.token(server.apiKey(), server.apiSecret(), roomName, VoiceRoomCaller.IDENTITY))) {
            caller.awaitAgent(Duration.ofSeconds(30));
            VoiceTurns.run(
                    caller, probe, 5, probes, System.nanoTime(), Duration.ZERO, Duration.ofMillis(800), outcome, true);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the loopback echo never arrived", e);
        }
        return outcome;
    }

    /** Sends back what it hears, frame by frame. */
    private static final class Echo implements AutoCloseable {

        private final Room room;
        private volatile LocalAudioTrack track;

        Echo(String url, String token) {
            room = Room.connect(url, token, RoomsSide.OPTIONS, event -> {
                if (event instanceof RoomEvent.TrackSubscribed subscribed) {
                    AudioStream in = subscribed.track().stream(VoiceRoomCaller.PUBLISH_RATE, 1);
                    Thread.ofVirtual().name("echo").start(() -> relay(in));
                }
            });
            track = room.localParticipant().publishAudio("echo-voice", VoiceRoomCaller.PUBLISH_RATE, 1);
        }

        private void relay(AudioStream in) {
            try {
                for (AudioFrame frame = in.read(); frame != null; frame = in.read()) {
                    LocalAudioTrack out = track;
                    if (out != null && !out.isEnded()) {
                        out.push("echo", frame);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            room.disconnect();
        }
    }
}
