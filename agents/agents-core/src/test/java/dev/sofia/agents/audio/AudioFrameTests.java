package dev.sofia.agents.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AudioFrameTests {

    @Test
    void tenMillisecondsAtFortyEightKilohertzStereoIs480SamplesPerChannel() {
        AudioFrame frame = AudioFrame.silence10ms(48_000, 2);

        assertThat(frame.samples()).hasSize(960).containsOnly((short) 0);
        assertThat(frame.samplesPerChannel()).isEqualTo(480);
        assertThat(frame.durationNanos()).isEqualTo(10_000_000L);
        assertThat(frame.is10ms()).isTrue();
        assertThat(AudioFrame.silence(16_000, 1, 320).is10ms()).isFalse();
        assertThat(AudioFrame.silence(16_000, 1, 320).durationNanos()).isEqualTo(20_000_000L);
    }

    @Test
    void rejectsSamplesThatDoNotFillEveryChannelAndImpossibleFormats() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AudioFrame(new short[3], 48_000, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new AudioFrame(new short[2], 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new AudioFrame(new short[2], 48_000, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> AudioFrame.samplesPer10ms(22_050));
        assertThatIllegalArgumentException().isThrownBy(() -> AudioFrame.silence(16_000, 1, -1));
    }

    @Test
    void bytesAreLittleEndianBothWays() {
        AudioFrame frame = new AudioFrame(new short[] {0x0102, (short) 0xFF00, -1, 7}, 16_000, 2);

        byte[] bytes = frame.toLittleEndianBytes();

        assertThat(bytes).containsExactly(0x02, 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0x07, 0x00);
        assertThat(AudioFrame.fromLittleEndianBytes(bytes, 16_000, 2, 2)).isEqualTo(frame);
    }

    @Test
    void equalityIsByContent() {
        assertThat(new AudioFrame(new short[] {1, 2}, 16_000, 1))
                .isEqualTo(new AudioFrame(new short[] {1, 2}, 16_000, 1))
                .hasSameHashCodeAs(new AudioFrame(new short[] {1, 2}, 16_000, 1))
                .isNotEqualTo(new AudioFrame(new short[] {1, 3}, 16_000, 1))
                .isNotEqualTo(new AudioFrame(new short[] {1, 2}, 16_000, 2));
    }
}
