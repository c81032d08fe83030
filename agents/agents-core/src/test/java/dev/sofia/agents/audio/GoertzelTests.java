package dev.sofia.agents.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GoertzelTests {

    static AudioFrame tone(double frequency, int sampleRate, int channels, int tenMsFrames) {
        var generator = new ToneGenerator(frequency, 0.5, sampleRate, channels);
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < tenMsFrames; i++) {
            frames.add(generator.next10ms());
        }
        return AudioFrame.concat(frames);
    }

    @Test
    void tellsFourFortyFromSixSixty() {
        AudioFrame a = tone(440, 16_000, 1, 10);
        AudioFrame e = tone(660, 48_000, 2, 10);

        assertThat(Goertzel.relativePower(a, 440)).isCloseTo(1.0, within(0.05));
        assertThat(Goertzel.relativePower(a, 660)).isLessThan(0.05);
        assertThat(Goertzel.detects(a, 440)).isTrue();
        assertThat(Goertzel.detects(a, 660)).isFalse();
        assertThat(Goertzel.dominantTone(a, 440, 660)).hasValue(440);
        assertThat(Goertzel.dominantTone(e, 440, 660)).hasValue(660);
    }

    @Test
    void findsTheToneUnderModerateNoise() {
        AudioFrame clean = tone(440, 16_000, 1, 20);
        var random = new Random(1);
        short[] noisy = clean.samples().clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (short) (random.nextGaussian() * 2_000);
        }

        assertThat(Goertzel.dominantTone(new AudioFrame(noisy, 16_000, 1), 440, 660))
                .hasValue(440);
    }

    @Test
    void rejectsNoiseAndSilence() {
        var random = new Random(42);
        short[] noise = new short[16_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) (random.nextGaussian() * 5_000);
        }
        AudioFrame noiseFrame = new AudioFrame(noise, 16_000, 1);
        AudioFrame silence = AudioFrame.silence(16_000, 1, 16_000);

        assertThat(Goertzel.detects(noiseFrame, 440)).isFalse();
        assertThat(Goertzel.dominantTone(noiseFrame, 440, 660)).isEmpty();
        assertThat(Goertzel.relativePower(silence, 440)).isZero();
        assertThat(Goertzel.dominantTone(silence, 440, 660)).isEmpty();
    }

    @Test
    void toneGeneratorKeepsPhaseAcrossFramesAndTheRequestedLevel() {
        var generator = new ToneGenerator(1_000, 0.5, 48_000, 2);
        AudioFrame first = generator.next10ms();
        AudioFrame second = generator.next10ms();

        // 1 kHz at 48 kHz is exactly 10 cycles per 10 ms: a continuous phase repeats the frame.
        assertThat(second).isEqualTo(first);
        assertThat(first.is10ms()).isTrue();
        assertThat(AudioLevels.rms(first)).isCloseTo(0.5 / Math.sqrt(2), within(0.001));
        assertThat(AudioLevels.dbfs(first)).isCloseTo(-9.03, within(0.05));
        short[] s = first.samples();
        for (int i = 0; i < s.length; i += 2) {
            assertThat(s[i + 1]).isEqualTo(s[i]);
        }
    }

    @Test
    void toneGeneratorJoinsFramesWithoutAJump() {
        // 440 Hz is 4.4 cycles per 10 ms, so a phase reset would jump at every frame boundary.
        var generator = new ToneGenerator(440, 0.5, 16_000, 1);
        short[] joined = AudioFrame.concat(List.of(generator.next10ms(), generator.next10ms()))
                .samples();
        double maxStep = 0.5 * Short.MAX_VALUE * 2 * Math.PI * 440 / 16_000;

        for (int i = 1; i < joined.length; i++) {
            assertThat(Math.abs(joined[i] - joined[i - 1])).isLessThanOrEqualTo((int) maxStep + 1);
        }
    }

    @Test
    void silenceHasNoLevel() {
        assertThat(AudioLevels.rms(AudioFrame.silence10ms(16_000, 1))).isZero();
        assertThat(AudioLevels.dbfs(AudioFrame.silence10ms(16_000, 1)))
                .isNegative()
                .isInfinite();
    }
}
