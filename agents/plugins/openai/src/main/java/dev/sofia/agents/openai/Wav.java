package dev.sofia.agents.openai;

import dev.sofia.agents.audio.AudioFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A RIFF/WAVE file of 16-bit PCM: what the transcription endpoint reads without guessing. */
final class Wav {

    private static final int HEADER_BYTES = 44;

    private Wav() {}

    static byte[] of(AudioFrame audio) {
        short[] samples = audio.samples();
        int dataBytes = samples.length * 2;
        int blockAlign = audio.channels() * 2;
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        wav.put(ascii("fmt "))
                .putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) audio.channels())
                .putInt(audio.sampleRate())
                .putInt(audio.sampleRate() * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) 16);
        wav.put(ascii("data")).putInt(dataBytes);
        wav.asShortBuffer().put(samples);
        return wav.array();
    }

    private static byte[] ascii(String tag) {
        return tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
