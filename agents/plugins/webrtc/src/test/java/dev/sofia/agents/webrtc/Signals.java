package dev.sofia.agents.webrtc;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;
import dev.sofia.agents.espeak.EspeakTts;
import dev.sofia.agents.espeak.EspeakTtsOptions;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Test audio: real speech from espeak-ng, and the backgrounds a VAD must ignore (white and pink
 * noise, mains hum), at set levels. Speech is trimmed to where it is audible, so where it is placed
 * is where the truth says speech begins and ends.
 */
final class Signals {

    private Signals() {}

    /** A sentence spoken by espeak-ng at {@code sampleRate}, trimmed, scaled to {@code dbfs} RMS. */
    static short[] speech(String language, String sentence, int sampleRate, double dbfs) throws InterruptedException {
        EspeakTts tts = new EspeakTts(EspeakTtsOptions.forLanguage(language).withSampleRate(sampleRate));
        List<AudioFrame> frames = new ArrayList<>();
        try (ChunkedSynthesis synthesis = tts.synthesize(sentence)) {
            for (SynthesizedAudio piece = synthesis.poll(Duration.ofSeconds(30));
                    piece != null;
                    piece = synthesis.poll(Duration.ofSeconds(30))) {
                frames.add(piece.frame());
            }
        }
        short[] all = AudioFrame.concat(frames).samples();
        return scale(trim(all, sampleRate), sampleRate, dbfs);
    }

    /** Cuts leading and trailing 10 ms blocks more than 40 dB below the loudest block. */
    static short[] trim(short[] samples, int sampleRate) {
        int block = sampleRate / 100;
        double[] levels = new double[samples.length / block];
        double loudest = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < levels.length; b++) {
            levels[b] = dbfs(Arrays.copyOfRange(samples, b * block, (b + 1) * block), sampleRate);
            loudest = Math.max(loudest, levels[b]);
        }
        int first = 0;
        while (levels[first] < loudest - 40) {
            first++;
        }
        int last = levels.length - 1;
        while (levels[last] < loudest - 40) {
            last--;
        }
        return Arrays.copyOfRange(samples, first * block, (last + 1) * block);
    }

    static short[] scale(short[] samples, int sampleRate, double dbfs) {
        double gain = Math.pow(10, (dbfs - dbfs(samples, sampleRate)) / 20);
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (short) Math.clamp(Math.round(samples[i] * gain), Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return out;
    }

    static short[] silence(int sampleRate, double seconds) {
        return new short[(int) (sampleRate * seconds)];
    }

    /** Gaussian white noise at {@code dbfs} RMS. */
    static short[] whiteNoise(int sampleRate, double seconds, double dbfs, long seed) {
        Random random = new Random(seed);
        double[] x = new double[(int) (sampleRate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        return toPcm(x, dbfs);
    }

    /** Pink (1/f) noise at {@code dbfs} RMS: white noise through Paul Kellet's economy filter. */
    static short[] pinkNoise(int sampleRate, double seconds, double dbfs, long seed) {
        Random random = new Random(seed);
        double[] x = new double[(int) (sampleRate * seconds)];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < x.length; i++) {
            double white = random.nextGaussian();
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            x[i] = b0 + b1 + b2 + white * 0.1848;
        }
        return toPcm(x, dbfs);
    }

    /** Mains hum: 50 Hz with the odd harmonics a transformer adds (150, 250 Hz), at {@code dbfs} RMS. */
    static short[] hum(int sampleRate, double seconds, double dbfs) {
        double[] x = new double[(int) (sampleRate * seconds)];
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / sampleRate;
            x[i] = Math.sin(2 * Math.PI * 50 * t)
                    + 0.3 * Math.sin(2 * Math.PI * 150 * t)
                    + 0.1 * Math.sin(2 * Math.PI * 250 * t);
        }
        return toPcm(x, dbfs);
    }

    /** Sample-wise sum, clipped; {@code b} may be shorter and is added from {@code offset} on. */
    static short[] mix(short[] a, short[] b, int offset) {
        short[] out = a.clone();
        for (int i = 0; i < b.length && offset + i < out.length; i++) {
            out[offset + i] = (short) Math.clamp(out[offset + i] + b[i], Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return out;
    }

    static double dbfs(short[] samples, int sampleRate) {
        return AudioLevels.dbfs(new AudioFrame(samples, sampleRate, 1));
    }

    /** The audio cut into 10 ms frames, as a room or a SIP bridge delivers it. */
    static List<AudioFrame> frames10ms(short[] samples, int sampleRate) {
        int block = sampleRate / 100;
        List<AudioFrame> frames = new ArrayList<>();
        for (int at = 0; at + block <= samples.length; at += block) {
            frames.add(new AudioFrame(Arrays.copyOfRange(samples, at, at + block), sampleRate, 1));
        }
        return frames;
    }

    private static short[] toPcm(double[] x, double dbfs) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        double gain = Math.pow(10, dbfs / 20) * Short.MAX_VALUE / Math.sqrt(sum / x.length);
        short[] out = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (short) Math.clamp(Math.round(x[i] * gain), Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return out;
    }
}
