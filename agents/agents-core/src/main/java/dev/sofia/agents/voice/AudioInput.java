package dev.sofia.agents.voice;

import dev.sofia.agents.audio.AudioFrame;
import org.jspecify.annotations.Nullable;

/**
 * The caller's audio as the session reads it: 10 ms frames in real time, in one format (the
 * room's remote track resampled for speech recognition, or a test's script).
 */
public interface AudioInput {

    /** The next frame, waiting for it; {@code null} when the input ended (the caller left). */
    @Nullable
    AudioFrame read() throws InterruptedException;

    int sampleRate();

    int channels();
}
