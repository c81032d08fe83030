package dev.sofia.agents.audio;

/**
 * Signal level of a frame relative to 16-bit full scale, for voice-activity thresholds, metering and
 * checking that audio is not silent.
 */
public final class AudioLevels {

    private AudioLevels() {}

    /** Root mean square over all samples, 0…1 of full scale (a full-scale sine is about 0.707). */
    public static double rms(AudioFrame frame) {
        short[] samples = frame.samples();
        if (samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length) / Short.MAX_VALUE;
    }

    /** {@link #rms} in decibels relative to full scale; negative infinity for digital silence. */
    public static double dbfs(AudioFrame frame) {
        return 20 * Math.log10(rms(frame));
    }
}
