package dev.sofia.agents.voice;

/**
 * Where transcripts go (the room's {@code lk.transcription} streams, a console, a test): the
 * caller's words as recognised, and the agent's words as they are played.
 */
public interface TranscriptOutput {

    /** The caller's words; {@code isFinal} when the recogniser will not change them any more. */
    void userTranscript(String text, boolean isFinal);

    /**
     * The agent's words for one reply, in step with playback: each call adds {@code delta} to the
     * reply {@code replyId}; {@code isFinal} closes it (also when the reply was cut off).
     */
    void agentTranscript(String replyId, String delta, boolean isFinal);

    /** Discards transcripts. */
    TranscriptOutput NONE = new TranscriptOutput() {
        @Override
        public void userTranscript(String text, boolean isFinal) {}

        @Override
        public void agentTranscript(String replyId, String delta, boolean isFinal) {}
    };
}
