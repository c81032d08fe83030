package dev.sofia.agents.stt;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What recognition reports, in order: {@code START_OF_SPEECH}, any number of {@code
 * INTERIM_TRANSCRIPT}s (the provider's current guess, replaced by the next), a {@code
 * FINAL_TRANSCRIPT} per finished phrase, {@code END_OF_SPEECH} when the provider's endpointing says
 * the caller stopped, and {@code RECOGNITION_USAGE} with the audio billed. Transcript events carry
 * alternatives, best first.
 */
public record SpeechEvent(
        Type type, List<SpeechData> alternatives, @Nullable String requestId, Duration audioDuration) {

    public enum Type {
        START_OF_SPEECH,
        INTERIM_TRANSCRIPT,
        FINAL_TRANSCRIPT,
        END_OF_SPEECH,
        RECOGNITION_USAGE
    }

    public SpeechEvent {
        alternatives = List.copyOf(alternatives);
    }

    public static SpeechEvent of(Type type) {
        return new SpeechEvent(type, List.of(), null, Duration.ZERO);
    }

    public static SpeechEvent transcript(boolean isFinal, SpeechData best, @Nullable String requestId) {
        return new SpeechEvent(
                isFinal ? Type.FINAL_TRANSCRIPT : Type.INTERIM_TRANSCRIPT, List.of(best), requestId, Duration.ZERO);
    }

    public static SpeechEvent usage(Duration audio, @Nullable String requestId) {
        return new SpeechEvent(Type.RECOGNITION_USAGE, List.of(), requestId, audio);
    }

    /** The best alternative's text, or "" when there is none. */
    public String text() {
        return alternatives.isEmpty() ? "" : alternatives.getFirst().text();
    }

    public boolean isTranscript() {
        return type == Type.INTERIM_TRANSCRIPT || type == Type.FINAL_TRANSCRIPT;
    }
}
