package dev.sofia.agents.livekit.voice;

import dev.sofia.agents.livekit.LocalAudioTrack;
import dev.sofia.agents.livekit.RemoteAudioTrack;
import dev.sofia.agents.livekit.RemoteParticipant;
import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.data.RoomData;
import dev.sofia.agents.voice.AgentSession;
import dev.sofia.agents.voice.SessionEvent;
import dev.sofia.agents.voice.SessionIo;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects an {@link AgentSession} to a LiveKit room: the linked caller's microphone as input
 * (resampled for speech recognition), a published track in the voice's format as output, {@code
 * lk.transcription} streams for both sides, typed messages on {@code lk.chat} as turns, and the
 * agent's state in its {@code lk.agent.state} attribute — what LiveKit's frontends expect.
 *
 * <pre>{@code
 * RoomIo io = RoomIo.open(room, callerIdentity, 16_000, tts.sampleRate());
 * session.start(agent, io.sessionIo());
 * io.attach(session);
 * }</pre>
 */
public final class RoomIo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoomIo.class);

    /** The attribute LiveKit frontends read the agent's state from. */
    public static final String STATE_ATTRIBUTE = "lk.agent.state";

    /** The name of the agent's published audio track. */
    public static final String TRACK_NAME = "agent-voice";

    private final Room room;
    private final String callerIdentity;
    private final RoomAudioOutput output;
    private final SessionIo sessionIo;

    private RoomIo(Room room, String callerIdentity, int inputRate, int outputRate) {
        this.room = room;
        this.callerIdentity = callerIdentity;
        LocalAudioTrack track = room.localParticipant().publishAudio(TRACK_NAME, outputRate, 1);
        this.output = new RoomAudioOutput(track);
        RoomAudioInput input = new RoomAudioInput(room, callerIdentity, inputRate);
        RoomTranscripts transcripts = new RoomTranscripts(
                room, callerIdentity, this::callerTrackId, () -> output.track().sid());
        this.sessionIo = new SessionIo(input, output, transcripts);
    }

    /**
     * Publishes the agent's track ({@code outputRate}: the TTS's rate) and listens to {@code
     * callerIdentity} at {@code inputRate} (what the STT wants).
     */
    public static RoomIo open(Room room, String callerIdentity, int inputRate, int outputRate) {
        return new RoomIo(room, callerIdentity, inputRate, outputRate);
    }

    public SessionIo sessionIo() {
        return sessionIo;
    }

    /** Wires the started session to the room: typed turns in, state attribute out, end with the room. */
    public void attach(AgentSession session) {
        room.data().registerTextStreamHandler(RoomData.TOPIC_CHAT, reader -> {
            if (callerIdentity.equals(reader.info().senderIdentity())) {
                String text = reader.readAll().strip();
                if (!text.isEmpty()) {
                    session.sendText(text);
                }
            }
        });
        session.addListener(event -> {
            if (event instanceof SessionEvent.AgentStateChanged change) {
                room.localParticipant()
                        .setAttributes(Map.of(STATE_ATTRIBUTE, change.state().attributeValue()))
                        .exceptionally(e -> {
                            log.debug("could not set {}: {}", STATE_ATTRIBUTE, e.toString());
                            return null;
                        });
            }
        });
        room.closeFuture().thenRun(session::close);
    }

    private @Nullable String callerTrackId() {
        RemoteParticipant caller = room.remoteParticipants().get(callerIdentity);
        if (caller == null) {
            return null;
        }
        return caller.audioTracks().stream()
                .map(RemoteAudioTrack::sid)
                .findFirst()
                .orElse(null);
    }

    /** Stops reading typed turns and takes the agent's track down. */
    @Override
    public void close() {
        room.data().unregisterTextStreamHandler(RoomData.TOPIC_CHAT);
        if (!output.track().isEnded()) {
            output.track().unpublish();
        }
    }
}
