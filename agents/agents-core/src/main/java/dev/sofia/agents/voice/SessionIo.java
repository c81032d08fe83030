package dev.sofia.agents.voice;

import dev.sofia.agents.tts.TextOnlyTts;
import org.jspecify.annotations.Nullable;

/**
 * The session's connections to the world: the caller's audio ({@code null} for a text-only session,
 * which then needs no VAD and no recogniser), the agent's audio, and transcripts.
 */
public record SessionIo(@Nullable AudioInput audioInput, AudioOutput audioOutput, TranscriptOutput transcripts) {

    /**
     * A chat without audio: the caller types ({@link AgentSession#sendText}), the agent's words go
     * to {@code transcripts}. Use with a {@link TextOnlyTts}.
     */
    public static SessionIo textOnly(TranscriptOutput transcripts) {
        return new SessionIo(null, new InstantAudioOutput(TextOnlyTts.SAMPLE_RATE), transcripts);
    }
}
