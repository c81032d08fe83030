package dev.sofia.agents.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.audio.AudioFrame;
import org.junit.jupiter.api.Test;

class PcmChunkerTests {

    @Test
    void keepsAHalfSampleForTheNextRead() {
        PcmChunker chunker = new PcmChunker(24_000, 1);
        byte[] pcm = {1, 0, 2, 0, 3, 0}; // samples 1, 2, 3 little-endian

        AudioFrame first = chunker.push(new byte[] {pcm[0], pcm[1], pcm[2]}, 3);
        AudioFrame none = chunker.push(new byte[] {pcm[3], 99}, 1);
        AudioFrame last = chunker.push(new byte[] {pcm[4], pcm[5]}, 2);

        assertThat(first.samples()).containsExactly((short) 1);
        assertThat(none.samples()).containsExactly((short) 2);
        assertThat(last.samples()).containsExactly((short) 3);
        assertThat(chunker.pending()).isZero();
    }

    @Test
    void aSingleByteMakesNoFrame() {
        PcmChunker chunker = new PcmChunker(24_000, 1);

        assertThat(chunker.push(new byte[] {7}, 1)).isNull();
        assertThat(chunker.pending()).isEqualTo(1);
        assertThat(chunker.push(new byte[] {1}, 1).samples()).containsExactly((short) 0x0107);
    }
}
