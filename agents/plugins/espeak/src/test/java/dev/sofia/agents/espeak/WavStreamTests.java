package dev.sofia.agents.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavStreamTests {

    private static final short[] SAMPLES = {0, 1, -1, 32767, -32768, 1234, -4321};

    @Test
    void readsSamplesAfterAStreamingSizeHeaderUntilTheEnd() throws IOException {
        // espeak-ng's --stdout header: RIFF and data sizes are placeholders.
        byte[] wav = wav(0x7fff_f024L, 0x7fff_f000L, 1, 1, 22_050, 16, new byte[0], SAMPLES);

        WavStream stream = WavStream.open(new ByteArrayInputStream(wav));

        assertThat(stream.sampleRate()).isEqualTo(22_050);
        assertThat(stream.channels()).isEqualTo(1);
        assertThat(readAll(stream, 100)).containsExactly(SAMPLES);
    }

    @Test
    void skipsOtherChunksAndStopsAtARealDataSize() throws IOException {
        byte[] list = chunk("LIST", "INFOISFT\3\0\0\0abc".getBytes(StandardCharsets.ISO_8859_1)); // odd: padded
        byte[] wav = wav(100, 4, 1, 1, 16_000, 16, list, SAMPLES); // data holds 2 samples, the rest is trailing junk

        WavStream stream = WavStream.open(new ByteArrayInputStream(wav));

        assertThat(stream.sampleRate()).isEqualTo(16_000);
        assertThat(readAll(stream, 100)).containsExactly((short) 0, (short) 1);
    }

    @Test
    void joinsSamplesThatAPipeSplitsAcrossReads() throws IOException {
        byte[] wav = wav(0, 0, 1, 1, 22_050, 16, new byte[0], SAMPLES);
        InputStream oneByteAtATime = new ByteArrayInputStream(wav) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };

        WavStream stream = WavStream.open(oneByteAtATime);

        assertThat(readAll(stream, 3)).containsExactly(SAMPLES);
    }

    @Test
    void keepsStereoFramesWhole() throws IOException {
        short[] stereo = {1, 2, 3, 4, 5, 6};
        byte[] wav = wav(0, 0, 1, 2, 48_000, 16, new byte[0], stereo);

        WavStream stream = WavStream.open(new ByteArrayInputStream(wav));

        short[] first = stream.read(3); // 3 samples are 1.5 frames: only one frame comes
        assertThat(first).containsExactly(1, 2);
        assertThat(readAll(stream, 4)).containsExactly(3, 4, 5, 6);
    }

    @Test
    void refusesWhatIsNotSixteenBitPcm() {
        byte[] floats = wav(0, 0, 3, 1, 22_050, 32, new byte[0], SAMPLES);
        byte[] text = "hello, this is no WAV at all".getBytes(StandardCharsets.US_ASCII);
        byte[] truncated = Arrays.copyOf(wav(0, 0, 1, 1, 22_050, 16, new byte[0], SAMPLES), 30);

        assertThatThrownBy(() -> WavStream.open(new ByteArrayInputStream(floats)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not 16-bit PCM");
        assertThatThrownBy(() -> WavStream.open(new ByteArrayInputStream(text)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a WAV stream");
        assertThatThrownBy(() -> WavStream.open(new ByteArrayInputStream(truncated)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ended inside its header");
    }

    private static short[] readAll(WavStream stream, int max) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        for (short[] s = stream.read(max); s != null; s = stream.read(max)) {
            assertThat(s.length).isBetween(1, max);
            for (short v : s) {
                all.putShort(v);
            }
        }
        short[] out = new short[all.position() / 2];
        all.flip().asShortBuffer().get(out);
        return out;
    }

    private static byte[] wav(
            long riffSize,
            long dataSize,
            int format,
            int channels,
            int rate,
            int bits,
            byte[] extraChunks,
            short[] samples) {
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) format).putShort((short) channels).putInt(rate);
        fmt.putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8))
                .putShort((short) bits);
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            pcm.putShort(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(riffSize));
        out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunk("fmt ", fmt.array()));
        out.writeBytes(extraChunks);
        out.writeBytes("data".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(dataSize));
        out.writeBytes(pcm.array());
        return out.toByteArray();
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le32(body.length));
        out.writeBytes(body);
        if (body.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] le32(long value) {
        return ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) value)
                .array();
    }
}
