package dev.sofia.agents.livekit.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;
import dev.sofia.agents.audio.Goertzel;
import dev.sofia.agents.audio.ToneGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTests {

    /** Skips the filter's start-up ramp before analysing. */
    private static final int SETTLE_FRAMES = 2;

    @ParameterizedTest(name = "{0} Hz/{1} ch -> {2} Hz/{3} ch")
    @CsvSource({"48000,2,16000,1", "16000,1,48000,2", "24000,1,48000,1", "24000,1,48000,2", "44100,1,48000,1"})
    void keepsTheToneAndTheLength(int inRate, int inChannels, int outRate, int outChannels) {
        var tone = new ToneGenerator(440, 0.5, inRate, inChannels);
        List<AudioFrame> out = new ArrayList<>();
        try (var resampler = new Resampler(inRate, inChannels, outRate, outChannels)) {
            for (int i = 0; i < 30; i++) {
                out.addAll(resampler.process(tone.next10ms()));
            }
        }

        assertThat(out).hasSize(30).allSatisfy(f -> {
            assertThat(f.sampleRate()).isEqualTo(outRate);
            assertThat(f.channels()).isEqualTo(outChannels);
            assertThat(f.samplesPerChannel()).isEqualTo(outRate / 100);
        });
        AudioFrame settled = AudioFrame.concat(out.subList(SETTLE_FRAMES, out.size()));
        assertThat(Goertzel.dominantTone(settled, 440, 660)).hasValue(440);
        assertThat(Goertzel.relativePower(settled, 440)).isGreaterThan(0.95);
        assertThat(AudioLevels.rms(settled)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
        if (outChannels == 2) {
            short[] s = settled.samples();
            for (int i = 0; i < s.length; i += 2) {
                assertThat(s[i + 1]).isEqualTo(s[i]);
            }
        }
    }

    @Test
    void buffersPartialBlocksAndFlushesTheRestInProportion() {
        var tone = new ToneGenerator(440, 0.5, 24_000, 1);
        try (var resampler = new Resampler(24_000, 1, 48_000, 1)) {
            // 25 ms in uneven pieces: 7 ms, 13 ms, 5 ms
            List<AudioFrame> out = new ArrayList<>(resampler.process(tone.next(168)));
            assertThat(out).isEmpty();
            out.addAll(resampler.process(tone.next(312)));
            out.addAll(resampler.process(tone.next(120)));
            AudioFrame rest = resampler.flush();

            assertThat(out).hasSize(2).allSatisfy(f -> assertThat(f.is10ms()).isTrue());
            assertThat(rest).isNotNull();
            assertThat(rest.samplesPerChannel()).isEqualTo(240);
            assertThat(resampler.flush()).isNull();
        }
    }

    @Test
    void equalFormatsPassThroughUnchanged() {
        AudioFrame frame = new ToneGenerator(440, 0.5, 16_000, 1).next10ms();
        try (var resampler = new Resampler(16_000, 1, 16_000, 1)) {
            assertThat(resampler.process(frame)).containsExactly(frame);
        }
    }

    @Test
    void refusesTheWrongInputFormatAndWorkAfterClose() {
        var resampler = new Resampler(48_000, 2, 16_000, 1);
        assertThatIllegalArgumentException().isThrownBy(() -> resampler.process(AudioFrame.silence10ms(48_000, 1)));
        resampler.close();
        resampler.close();
        assertThatIllegalStateException().isThrownBy(() -> resampler.process(AudioFrame.silence10ms(48_000, 2)));
    }
}
