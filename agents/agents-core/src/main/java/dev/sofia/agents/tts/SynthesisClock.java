package dev.sofia.agents.tts;

import java.time.Duration;
import java.time.Instant;

/** Times one synthesis (a one-shot text or a text stream) for its {@link TtsMetrics}. */
final class SynthesisClock {

    private final long startedNanos = System.nanoTime();
    private volatile long firstByteNanos;
    private volatile long audioNanos;
    private volatile int characters;

    void addCharacters(int count) {
        characters += count;
    }

    void audio(SynthesizedAudio piece) {
        if (firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
        audioNanos += piece.frame().durationNanos();
    }

    TtsMetrics metrics(Tts tts, boolean cancelled) {
        long first = firstByteNanos;
        return new TtsMetrics(
                tts.label(),
                null,
                first == 0 ? null : Duration.ofNanos(first - startedNanos),
                Duration.ofNanos(System.nanoTime() - startedNanos),
                characters,
                Duration.ofNanos(audioNanos),
                cancelled,
                Instant.now());
    }
}
