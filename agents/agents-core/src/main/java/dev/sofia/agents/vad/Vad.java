package dev.sofia.agents.vad;

import dev.sofia.agents.provider.Provider;

/**
 * Voice activity detection: a speech model (a {@link SpeechScorer} per stream, from the plugin)
 * under the {@link VadOptions} state machine that turns probabilities into speech starts and ends.
 */
public abstract class Vad extends Provider {

    private final VadOptions options;

    protected Vad(String label, VadOptions options) {
        super(label);
        this.options = options;
    }

    public final VadOptions options() {
        return options;
    }

    /** A stream for one audio source. */
    public final VadStream stream() {
        VadStream stream = new VadStream(this, newScorer());
        stream.begin();
        return stream;
    }

    /** A fresh scorer for one stream. */
    protected abstract SpeechScorer newScorer();

    /** A VAD on loudness alone ({@link EnergyScorer}): for clean audio and tests. */
    public static Vad energy(VadOptions options) {
        return new Vad("energy.vad", options) {
            @Override
            protected SpeechScorer newScorer() {
                return new EnergyScorer();
            }
        };
    }
}
