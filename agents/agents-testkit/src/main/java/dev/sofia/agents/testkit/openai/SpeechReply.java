package dev.sofia.agents.testkit.openai;

/**
 * What {@code /v1/audio/speech} streams: raw PCM (24 kHz, 16-bit little-endian, mono, as OpenAI's
 * {@code pcm} format) in chunks of {@code chunkBytes} (odd sizes test a client's sample alignment).
 * {@code dropAfterBytes} (≥ 0) drops the connection once that many bytes were sent.
 */
public record SpeechReply(byte[] pcm, int chunkBytes, int dropAfterBytes) implements FakeReply {

    public SpeechReply {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes < 1: " + chunkBytes);
        }
        pcm = pcm.clone();
    }

    /** This audio in 4,800-byte chunks (100 ms at 24 kHz). */
    public static SpeechReply of(byte[] pcm) {
        return new SpeechReply(pcm, 4800, -1);
    }

    public SpeechReply withChunkBytes(int bytes) {
        return new SpeechReply(pcm, bytes, dropAfterBytes);
    }

    public SpeechReply droppingAfter(int bytes) {
        return new SpeechReply(pcm, chunkBytes, bytes);
    }

    @Override
    public byte[] pcm() {
        return pcm.clone();
    }
}
