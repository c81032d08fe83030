package dev.sofia.agents.audio;

/**
 * A sine tone cut into frames, for tests and benchmarks that need audio whose arrival can be
 * checked with {@link Goertzel}.
 *
 * <p>The phase carries over from one frame to the next, so consecutive frames join into one clean
 * tone; restarting the phase every frame would add clicks at 100 Hz that smear the spectrum. Every
 * channel carries the same signal.
 *
 * <p>Not thread-safe: the phase is the generator's state; use one generator per stream.
 */
public final class ToneGenerator {

    private final double frequency;
    private final double peak;
    private final int sampleRate;
    private final int channels;
    private final double phaseStep;
    private double phase;

    /**
     * @param amplitude peak as a fraction of full scale, 0…1
     */
    public ToneGenerator(double frequency, double amplitude, int sampleRate, int channels) {
        if (frequency <= 0 || frequency >= sampleRate / 2.0) {
            throw new IllegalArgumentException("frequency must be between 0 and Nyquist: " + frequency);
        }
        if (amplitude < 0 || amplitude > 1) {
            throw new IllegalArgumentException("amplitude must be within 0..1: " + amplitude);
        }
        AudioFrame.silence(sampleRate, channels, 0); // validates the format
        this.frequency = frequency;
        this.peak = amplitude * Short.MAX_VALUE;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.phaseStep = 2 * Math.PI * frequency / sampleRate;
    }

    /** The next 10 ms of the tone. */
    public AudioFrame next10ms() {
        return next(AudioFrame.samplesPer10ms(sampleRate));
    }

    /** The next {@code samplesPerChannel} samples of the tone. */
    public AudioFrame next(int samplesPerChannel) {
        short[] samples = new short[samplesPerChannel * channels];
        for (int i = 0; i < samplesPerChannel; i++) {
            short value = (short) Math.round(peak * Math.sin(phase));
            for (int c = 0; c < channels; c++) {
                samples[i * channels + c] = value;
            }
            phase += phaseStep;
            if (phase >= 2 * Math.PI) {
                phase -= 2 * Math.PI;
            }
        }
        return new AudioFrame(samples, sampleRate, channels);
    }

    public double frequency() {
        return frequency;
    }
}
