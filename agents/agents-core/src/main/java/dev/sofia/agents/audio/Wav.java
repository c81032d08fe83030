package dev.sofia.agents.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A 16-bit PCM WAV file in memory, as recognition APIs take a finished utterance (they read the
 * rate and channels from its header).
 */
public final class Wav {

    private static final int HEADER_BYTES = 44;

    private Wav() {}

    /** The frames (one format) as one WAV file. */
    public static byte[] encode(List<AudioFrame> frames) {
        return encode(AudioFrame.concat(frames));
    }

    public static byte[] encode(AudioFrame audio) {
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
