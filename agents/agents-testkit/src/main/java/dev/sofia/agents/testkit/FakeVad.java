package dev.sofia.agents.testkit;

import dev.sofia.agents.vad.EnergyScorer;
import dev.sofia.agents.vad.SpeechScorer;
import dev.sofia.agents.vad.Vad;
import dev.sofia.agents.vad.VadOptions;
import java.time.Duration;

/**
 * A VAD for tests: loudness decides ({@link EnergyScorer}), so the tone bursts of a {@link
 * ScriptedCaller} are speech and its silence is not; quick to decide by default.
 */
public final class FakeVad extends Vad {

    public FakeVad(VadOptions options) {
        super("fake.vad", options);
    }

    /** 30 ms of speech to start, {@code minSilence} of quiet to end. */
    public FakeVad(Duration minSilence) {
        this(VadOptions.DEFAULT.withMinSpeech(Duration.ofMillis(30)).withMinSilence(minSilence));
    }

    public FakeVad() {
        this(Duration.ofMillis(200));
    }

    @Override
    protected SpeechScorer newScorer() {
        return new EnergyScorer();
    }
}
