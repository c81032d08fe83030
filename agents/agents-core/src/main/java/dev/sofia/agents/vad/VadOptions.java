package dev.sofia.agents.vad;

import java.time.Duration;

/**
 * Tuning of the speech state machine: a frame counts as speech at {@code activationThreshold}
 * probability or more; speech starts after {@code minSpeech} of it and ends after {@code
 * minSilence} below the threshold; {@code prefixPadding} of audio before the start is kept with the
 * utterance (the first syllable's onset), and an utterance keeps at most {@code maxBufferedSpeech}.
 */
public record VadOptions(
        double activationThreshold,
        Duration minSpeech,
        Duration minSilence,
        Duration prefixPadding,
        Duration maxBufferedSpeech) {

    /** 0.5, 50 ms of speech to start, 550 ms of silence to end (as livekit's Silero defaults), 500 ms padding. */
    public static final VadOptions DEFAULT = new VadOptions(
            0.5, Duration.ofMillis(50), Duration.ofMillis(550), Duration.ofMillis(500), Duration.ofSeconds(60));

    public VadOptions {
        if (activationThreshold <= 0 || activationThreshold > 1) {
            throw new IllegalArgumentException("activationThreshold must be in (0, 1]: " + activationThreshold);
        }
    }

    public VadOptions withMinSilence(Duration silence) {
        return new VadOptions(activationThreshold, minSpeech, silence, prefixPadding, maxBufferedSpeech);
    }

    public VadOptions withMinSpeech(Duration speech) {
        return new VadOptions(activationThreshold, speech, minSilence, prefixPadding, maxBufferedSpeech);
    }

    public VadOptions withActivationThreshold(double threshold) {
        return new VadOptions(threshold, minSpeech, minSilence, prefixPadding, maxBufferedSpeech);
    }
}
