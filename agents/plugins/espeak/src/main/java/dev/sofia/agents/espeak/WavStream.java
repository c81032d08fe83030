package dev.sofia.agents.espeak;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads 16-bit PCM from a RIFF/WAVE byte stream as it arrives, e.g. espeak-ng's {@code --stdout}.
 *
 * <p>A writer to a pipe cannot know the length up front, so espeak-ng puts a placeholder into the
 * RIFF and {@code data} sizes (0x7ffff000); a size that large, or 0, is read as "until the end of
 * the stream". Chunks before {@code data} other than {@code fmt } (e.g. {@code LIST}) are skipped.
 * Only uncompressed 16-bit PCM is accepted. Not thread-safe.
 */
final class WavStream {

    /** Sizes at or above this are placeholders of a streaming writer, not real lengths. */
    private static final long STREAMING_SIZE = 0x7f00_0000L;

    private static final int FORMAT_PCM = 1;

    private final InputStream in;
    private final int sampleRate;
    private final int channels;
    private long dataRemaining; // bytes; Long.MAX_VALUE when unknown
    private final byte[] pending; // the start of a frame split between two reads
    private int pendingLength;

    private WavStream(InputStream in, int sampleRate, int channels, long dataSize) {
        this.in = in;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.dataRemaining = dataSize;
        this.pending = new byte[2 * channels];
    }

    /**
     * Reads the header up to the start of the samples.
     *
     * @throws IOException if the stream is not 16-bit PCM WAV or ends inside the header
     */
    static WavStream open(InputStream in) throws IOException {
        requireTag(in, "RIFF");
        readLittleEndian(in, 4); // the RIFF size: a placeholder when streamed
        requireTag(in, "WAVE");
        int sampleRate = 0;
        int channels = 0;
        while (true) {
            String id = readTag(in);
            long size = readLittleEndian(in, 4);
            if (id.equals("fmt ")) {
                if (size < 16) {
                    throw new IOException("WAV fmt chunk too short: " + size);
                }
                int format = (int) readLittleEndian(in, 2);
                channels = (int) readLittleEndian(in, 2);
                sampleRate = (int) readLittleEndian(in, 4);
                readLittleEndian(in, 4); // byte rate
                readLittleEndian(in, 2); // block align
                int bits = (int) readLittleEndian(in, 2);
                if (format != FORMAT_PCM || bits != 16 || channels < 1 || sampleRate <= 0) {
                    throw new IOException("not 16-bit PCM WAV: format " + format + ", " + bits + " bits, " + channels
                            + " channels, " + sampleRate + " Hz");
                }
                skip(in, size - 16 + (size & 1));
            } else if (id.equals("data")) {
                if (channels == 0) {
                    throw new IOException("WAV data chunk before its fmt chunk");
                }
                boolean streaming = size == 0 || size >= STREAMING_SIZE;
                return new WavStream(in, sampleRate, channels, streaming ? Long.MAX_VALUE : size);
            } else {
                skip(in, size + (size & 1)); // chunks are padded to even lengths
            }
        }
    }

    int sampleRate() {
        return sampleRate;
    }

    int channels() {
        return channels;
    }

    /**
     * The samples that have arrived, interleaved, at most {@code maxSamples} and a whole number of
     * frames (all channels); waits only for the first whole frame. {@code null} at the end of the data.
     */
    short @Nullable [] read(int maxSamples) throws IOException {
        int frameBytes = 2 * channels;
        byte[] bytes = new byte[Math.max(maxSamples / channels, 1) * frameBytes];
        int have = pendingLength;
        System.arraycopy(pending, 0, bytes, 0, pendingLength);
        // A pipe may hand over any number of bytes: wait until one whole frame is here.
        while (have < frameBytes && dataRemaining > 0) {
            int n = in.read(bytes, have, (int) Math.min(bytes.length - have, dataRemaining));
            if (n < 0) {
                dataRemaining = 0;
                break;
            }
            have += n;
            dataRemaining -= n;
        }
        int whole = have - have % frameBytes;
        pendingLength = have - whole; // kept for the next read; dropped at the end (not a whole frame)
        System.arraycopy(bytes, whole, pending, 0, pendingLength);
        if (whole == 0) {
            return null;
        }
        short[] samples = new short[whole / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
        }
        return samples;
    }

    private static void requireTag(InputStream in, String expected) throws IOException {
        String tag = readTag(in);
        if (!tag.equals(expected)) {
            throw new IOException("not a WAV stream: expected " + expected + ", found " + printable(tag));
        }
    }

    private static String readTag(InputStream in) throws IOException {
        byte[] tag = in.readNBytes(4);
        if (tag.length < 4) {
            throw new EOFException("WAV stream ended inside its header");
        }
        return new String(tag, StandardCharsets.ISO_8859_1);
    }

    private static long readLittleEndian(InputStream in, int bytes) throws IOException {
        byte[] b = in.readNBytes(bytes);
        if (b.length < bytes) {
            throw new EOFException("WAV stream ended inside its header");
        }
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = (value << 8) | (b[i] & 0xFF);
        }
        return value;
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        if (bytes > 0) {
            in.skipNBytes(bytes);
        }
    }

    private static String printable(String tag) {
        return tag.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
