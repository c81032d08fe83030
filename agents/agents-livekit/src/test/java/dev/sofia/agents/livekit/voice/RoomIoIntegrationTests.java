package dev.sofia.agents.livekit.voice;

import static dev.sofia.agents.livekit.testing.PythonPeer.whereNumber;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.RoomOptions;
import dev.sofia.agents.livekit.testing.LocalLiveKit;
import dev.sofia.agents.livekit.testing.PythonPeer;
import dev.sofia.agents.livekit.testing.TestTokens;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.testkit.FakeLlm;
import dev.sofia.agents.testkit.FakeStt;
import dev.sofia.agents.testkit.FakeTts;
import dev.sofia.agents.testkit.FakeVad;
import dev.sofia.agents.voice.Agent;
import dev.sofia.agents.voice.AgentSession;
import dev.sofia.agents.voice.AgentSessionOptions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A voice turn through a real livekit-server: the official Python SDK plays the caller (a tone as
 * its speech), our session in a room answers with the fake voice's tone; the caller hears it,
 * reads both transcripts on {@code lk.transcription}, sees the agent's state attribute change, and
 * a typed {@code lk.chat} message becomes a turn.
 */
class RoomIoIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LocalLiveKit server = LocalLiveKit.withPythonPeers();

    @Test
    void aSpokenTurnIsAnsweredInTheRoomWithTranscriptsStateAndTypedTurns() throws Exception {
        String roomName = "voice-" + UUID.randomUUID().toString().substring(0, 8);
        FakeStt stt = new FakeStt().willHear("Wann haben Sie geöffnet?");
        FakeLlm llm = new FakeLlm()
                .answer("Montags bis freitags von acht bis achtzehn Uhr.")
                .answer("Gern geschehen.");
        FakeTts tts = new FakeTts(24_000).speed(Duration.ofMillis(20));
        try (PythonPeer caller = PythonPeer.start(
                        "caller",
                        server.url(),
                        TestTokens.join(server.config(), roomName, "caller"),
                        "--detect",
                        "660");
                Room room = Room.connect(
                        server.url(), TestTokens.join(server.config(), roomName, "agent-1"), RoomOptions.defaults())) {
            caller.awaitEvent("joined", WAIT);
            caller.send("register_text", "topic", "lk.transcription");
            RoomIo io = RoomIo.open(room, "caller", 16_000, tts.sampleRate());
            AgentSession session = AgentSession.builder()
                    .stt(stt)
                    .llm(llm)
                    .tts(tts)
                    .vad(new FakeVad(Duration.ofMillis(150)))
                    .options(
                            AgentSessionOptions.DEFAULT.withEndpointing(Duration.ofMillis(100), Duration.ofMillis(400)))
                    .build();
            session.start(Agent.of("Sie sind Sofia.", List.of()), io.sessionIo());
            io.attach(session);
            // the caller speaks (a tone) once the agent can hear: half a second of silence first
            caller.send("publish_tone", "id", "speech", "frequency", 440, "seconds", 0.8, "silence_ms", 500);

            JsonNode heard = caller.awaitEvent("tone_detected", whereNumber("frequency", 660), WAIT);
            assertThat(heard.path("participant").asString()).isEqualTo("agent-1");
            caller.awaitEvent("text_received", e -> e.path("text").asString().contains("achtzehn Uhr"), WAIT);
            caller.awaitEvent("text_received", e -> e.path("text").asString().equals("Wann haben Sie geöffnet?"), WAIT);
            caller.awaitEvent(
                    "attributes_changed",
                    e -> "speaking"
                            .equals(e.path("changed")
                                    .path(RoomIo.STATE_ATTRIBUTE)
                                    .asString()),
                    WAIT);
            caller.awaitEvent(
                    "attributes_changed",
                    e -> "listening"
                            .equals(e.path("changed")
                                    .path(RoomIo.STATE_ATTRIBUTE)
                                    .asString()),
                    WAIT);

            caller.send("send_text", "topic", "lk.chat", "text", "Danke!");
            caller.awaitEvent("text_received", e -> e.path("text").asString().contains("Gern geschehen"), WAIT);
            assertThat(session.history().items())
                    .anySatisfy(item -> assertThat(item)
                            .isInstanceOfSatisfying(
                                    ChatMessage.class,
                                    m -> assertThat(m.role() == ChatRole.USER
                                                    && m.text().equals("Danke!"))
                                            .isTrue()));
            session.close();
            session.awaitClosed(WAIT);
            io.close();
        }
    }
}
