package dev.sofia.agents.vad;

import dev.sofia.agents.audio.AudioFrame;

/**
 * The model part of a VAD: how likely a frame is speech (0..1). Frames come as they were pushed
 * into the VAD stream — 10 ms from a room, any length from elsewhere — so a model that needs fixed
 * blocks cuts them itself. One scorer per stream (it may keep state between frames); not
 * thread-safe; {@link #close()} frees what it holds.
 */
public interface SpeechScorer extends AutoCloseable {

    double speechProbability(AudioFrame frame);

    @Override
    default void close() {}

    /** Speech only where both say so: the lower of the two probabilities (e.g. a model and an energy gate). */
    static SpeechScorer both(SpeechScorer first, SpeechScorer second) {
        return new SpeechScorer() {
            @Override
            public double speechProbability(AudioFrame frame) {
                return Math.min(first.speechProbability(frame), second.speechProbability(frame));
            }

            @Override
            public void close() {
                try {
                    first.close();
                } finally {
                    second.close();
                }
            }
        };
    }
}
