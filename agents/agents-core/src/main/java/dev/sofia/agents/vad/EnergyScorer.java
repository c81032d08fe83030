package dev.sofia.agents.vad;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;

/**
 * Speech probability from loudness alone: 0 at or below {@code floorDbfs}, 1 at or above {@code
 * floorDbfs + rangeDb}, linear in between. As a gate beside a model it keeps line noise and
 * breathing from counting as speech; alone it is the simplest VAD there is (clean audio only).
 */
public final class EnergyScorer implements SpeechScorer {

    private final double floorDbfs;
    private final double rangeDb;

    public EnergyScorer(double floorDbfs, double rangeDb) {
        if (rangeDb <= 0) {
            throw new IllegalArgumentException("rangeDb must be > 0");
        }
        this.floorDbfs = floorDbfs;
        this.rangeDb = rangeDb;
    }

    /** -50 dBFS and below is silence, -35 dBFS and above is loud enough to be speech. */
    public EnergyScorer() {
        this(-50, 15);
    }

    @Override
    public double speechProbability(AudioFrame frame) {
        double dbfs = AudioLevels.dbfs(frame);
        return Math.clamp((dbfs - floorDbfs) / rangeDb, 0.0, 1.0);
    }
}
