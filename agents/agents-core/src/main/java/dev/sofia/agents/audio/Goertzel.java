package dev.sofia.agents.audio;

import java.util.OptionalDouble;

/**
 * Measures how much of a frame's energy sits at one frequency, without a full FFT.
 *
 * <p>Tests and benchmarks send a tone through the room and need to know it arrived as <em>that</em>
 * tone (not silence, noise or a neighbour), independent of the level the codec and resampler leave
 * it at. So the result is relative: {@link #relativePower} is the share of the frame's total energy
 * found at the frequency — about 1 for a pure tone at that frequency, near 0 for other tones, noise
 * or silence. Channels are averaged first. Use frames of a few dozen cycles (≥ 50 ms for speech-band
 * tones): the frequency resolution is roughly {@code sampleRate / samplesPerChannel}.
 */
public final class Goertzel {

    /** More than half the energy at one frequency: a tone, not speech or noise. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private Goertzel() {}

    /** The share (0…1, up to rounding) of the frame's energy at {@code frequency} Hz. */
    public static double relativePower(AudioFrame frame, double frequency) {
        double[] mono = mono(frame);
        double energy = 0;
        for (double x : mono) {
            energy += x * x;
        }
        if (energy == 0) {
            return 0;
        }
        return 2 * power(mono, frame.sampleRate(), frequency) / (mono.length * energy);
    }

    /** Whether more than {@link #DEFAULT_THRESHOLD} of the frame's energy is at {@code frequency}. */
    public static boolean detects(AudioFrame frame, double frequency) {
        return detects(frame, frequency, DEFAULT_THRESHOLD);
    }

    public static boolean detects(AudioFrame frame, double frequency, double threshold) {
        return relativePower(frame, frequency) > threshold;
    }

    /**
     * The candidate frequency holding the most energy, if it holds more than {@link
     * #DEFAULT_THRESHOLD} of the total; empty for silence, noise or a tone not among the candidates.
     */
    public static OptionalDouble dominantTone(AudioFrame frame, double... candidates) {
        double best = Double.NaN;
        double bestPower = DEFAULT_THRESHOLD;
        for (double candidate : candidates) {
            double p = relativePower(frame, candidate);
            if (p > bestPower) {
                best = candidate;
                bestPower = p;
            }
        }
        return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
    }

    /** Squared magnitude of the signal's DTFT at {@code frequency} (the generalised Goertzel). */
    private static double power(double[] x, int sampleRate, double frequency) {
        double w = 2 * Math.PI * frequency / sampleRate;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (double v : x) {
            double s0 = v + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }

    private static double[] mono(AudioFrame frame) {
        short[] samples = frame.samples();
        int channels = frame.channels();
        double[] mono = new double[frame.samplesPerChannel()];
        for (int i = 0; i < mono.length; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples[i * channels + c];
            }
            mono[i] = sum / channels;
        }
        return mono;
    }
}
