package dev.sofia.agents.deepgram;

import dev.sofia.agents.audio.AudioFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A 16-bit PCM WAV file in memory: what the pre-recorded endpoint reads the format from. */
final class Wav {

    private static final int HEADER_BYTES = 44;

    private Wav() {}

    static byte[] of(List<AudioFrame> frames) {
        AudioFrame audio = AudioFrame.concat(frames);
        byte[] pcm = audio.toLittleEndianBytes();
        int blockAlign = audio.channels() * 2;
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + pcm.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16) // size of the PCM format chunk
                .putShort((short) 1) // PCM
                .putShort((short) audio.channels())
                .putInt(audio.sampleRate())
                .putInt(audio.sampleRate() * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(pcm.length)
                .put(pcm);
        return wav.array();
    }
}
