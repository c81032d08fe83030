package dev.sofia.agents.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;
import dev.sofia.agents.audio.Goertzel;
import dev.sofia.agents.audio.ToneGenerator;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SincResamplerTests {

    private static final int IN = 22_050;

    @ParameterizedTest
    @ValueSource(ints = {8_000, 16_000, 24_000, 44_100, 48_000})
    void keepsAToneItsFrequencyAndLevelAndGivesTheExactLength(int outRate) {
        short[] tone = new ToneGenerator(1_000, 0.5, IN, 1).next(IN).samples(); // 1 s

        short[] out = resample(tone, outRate, 441);

        assertThat(out).hasSize(outRate); // ceil(22050 · out / 22050)
        // Away from the edges, where the filter sees the zeros before and after the signal.
        AudioFrame middle = new AudioFrame(Arrays.copyOfRange(out, outRate / 4, 3 * outRate / 4), outRate, 1);
        assertThat(Goertzel.relativePower(middle, 1_000)).isGreaterThan(0.99);
        assertThat(AudioLevels.rms(middle)).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 16_000})
    void removesWhatTheLowerRateCannotCarry(int outRate) {
        // 6 kHz is above 8 kHz's Nyquist frequency, 10 kHz above 16 kHz's: without the low-pass they would alias.
        double frequency = outRate == 8_000 ? 6_000 : 10_000;
        short[] tone = new ToneGenerator(frequency, 0.5, IN, 1).next(IN).samples();

        short[] out = resample(tone, outRate, 1_000);

        AudioFrame middle = new AudioFrame(Arrays.copyOfRange(out, outRate / 4, 3 * outRate / 4), outRate, 1);
        assertThat(AudioLevels.dbfs(middle)).isLessThan(-60); // the tone itself is at -9 dBFS
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 24_000, 48_000})
    void givesTheSameOutputHoweverTheInputIsCut(int outRate) {
        short[] noise = new short[5_000];
        Random random = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) random.nextInt(-8_000, 8_000);
        }

        short[] whole = resample(noise, outRate, noise.length);
        short[] small = resample(noise, outRate, 1);
        short[] uneven = resample(noise, outRate, 333);

        assertThat(small).isEqualTo(whole);
        assertThat(uneven).isEqualTo(whole);
    }

    private static short[] resample(short[] in, int outRate, int pieceLength) {
        SincResampler resampler = new SincResampler(new SincResampler.Kernel(IN, outRate));
        short[] out = new short[0];
        for (int at = 0; at < in.length; at += pieceLength) {
            out = concat(out, resampler.process(Arrays.copyOfRange(in, at, Math.min(in.length, at + pieceLength))));
        }
        return concat(out, resampler.finish());
    }

    private static short[] concat(short[] a, short[] b) {
        short[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
