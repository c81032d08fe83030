package dev.sofia.agents.livekit.voice;

import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.data.Transcriptions;
import dev.sofia.agents.voice.TranscriptOutput;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcripts on the room's {@code lk.transcription} topic, as LiveKit frontends read them: the
 * caller's final transcripts published on the caller's behalf (tied to their audio track), and each
 * agent reply as one delta stream tied to the agent's track, appended as its sentences are played.
 * A failure to publish is logged, never the conversation's problem.
 */
final class RoomTranscripts implements TranscriptOutput {

    private static final Logger log = LoggerFactory.getLogger(RoomTranscripts.class);

    private final Transcriptions transcriptions;
    private final String callerIdentity;
    private final Supplier<@Nullable String> callerTrackId;
    private final Supplier<@Nullable String> agentTrackId;
    private final Map<String, Transcriptions.Segment> replies = new ConcurrentHashMap<>();

    RoomTranscripts(
            Room room,
            String callerIdentity,
            Supplier<@Nullable String> callerTrackId,
            Supplier<@Nullable String> agentTrackId) {
        this.transcriptions = room.data().transcriptions();
        this.callerIdentity = callerIdentity;
        this.callerTrackId = callerTrackId;
        this.agentTrackId = agentTrackId;
    }

    @Override
    public void userTranscript(String text, boolean isFinal) {
        if (!isFinal || text.isBlank()) {
            return;
        }
        try {
            transcriptions.publishFinal(text, callerTrackId.get(), callerIdentity);
        } catch (RuntimeException e) {
            log.warn("could not publish the caller's transcript: {}", e.toString());
        }
    }

    @Override
    public void agentTranscript(String replyId, String delta, boolean isFinal) {
        try {
            Transcriptions.Segment segment =
                    replies.computeIfAbsent(replyId, id -> transcriptions.startSegment(agentTrackId.get(), null));
            if (!delta.isEmpty()) {
                segment.append(delta);
            }
            if (isFinal) {
                replies.remove(replyId);
                segment.close();
            }
        } catch (RuntimeException e) {
            log.warn("could not publish the agent's transcript: {}", e.toString());
        }
    }
}
