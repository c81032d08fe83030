package dev.sofia.agents.vad;

import dev.sofia.agents.audio.AudioFrame;
import java.time.Duration;
import java.util.List;

/**
 * What voice activity detection reports: {@code START_OF_SPEECH} once speech lasted the minimum
 * time ({@code frames}: the padding before it and the speech so far), {@code INFERENCE_DONE} after
 * every frame (the probability and running durations), and {@code END_OF_SPEECH} after enough
 * silence ({@code frames}: the whole utterance with its padding, e.g. for one-shot recognition).
 * {@code timestamp} is the stream position (audio pushed so far) the event refers to.
 */
public record VadEvent(
        Type type,
        Duration timestamp,
        Duration speechDuration,
        Duration silenceDuration,
        double probability,
        boolean speaking,
        List<AudioFrame> frames) {

    public enum Type {
        START_OF_SPEECH,
        INFERENCE_DONE,
        END_OF_SPEECH
    }

    public VadEvent {
        frames = List.copyOf(frames);
    }
}
