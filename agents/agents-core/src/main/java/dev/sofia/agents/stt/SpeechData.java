package dev.sofia.agents.stt;

import java.time.Duration;

/**
 * One recognition alternative: the text, its language (BCP 47, e.g. {@code de}), the provider's
 * confidence (0..1, 0 if it gives none) and where it lies in the stream's audio.
 */
public record SpeechData(String text, String language, double confidence, Duration start, Duration end) {

    public static SpeechData of(String text, String language) {
        return new SpeechData(text, language, 0, Duration.ZERO, Duration.ZERO);
    }
}
