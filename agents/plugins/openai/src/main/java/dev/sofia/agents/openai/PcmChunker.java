package dev.sofia.agents.openai;

import dev.sofia.agents.audio.AudioFrame;
import org.jspecify.annotations.Nullable;

/**
 * Turns 16-bit little-endian PCM bytes, as they come off the network, into frames. A read may end
 * in the middle of a sample (or of a multi-channel sample group); the leftover bytes are kept for
 * the next read, so no sample is ever split or shifted.
 */
final class PcmChunker {

    private final int sampleRate;
    private final int channels;
    private final int frameBytes;
    private final byte[] carry;
    private int carried;

    PcmChunker(int sampleRate, int channels) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.frameBytes = 2 * channels;
        this.carry = new byte[frameBytes];
    }

    /** The whole samples in what was carried plus {@code data[0, length)}; {@code null} if none. */
    @Nullable
    AudioFrame push(byte[] data, int length) {
        int total = carried + length;
        int usable = total - total % frameBytes;
        if (usable == 0) {
            System.arraycopy(data, 0, carry, carried, length);
            carried += length;
            return null;
        }
        byte[] whole = new byte[usable];
        System.arraycopy(carry, 0, whole, 0, carried);
        int fromData = usable - carried;
        System.arraycopy(data, 0, whole, carried, fromData);
        carried = length - fromData;
        System.arraycopy(data, fromData, carry, 0, carried);
        return AudioFrame.fromLittleEndianBytes(whole, sampleRate, channels, usable / frameBytes);
    }

    /** Bytes of an incomplete sample left over (a well-formed stream ends with none). */
    int pending() {
        return carried;
    }
}
