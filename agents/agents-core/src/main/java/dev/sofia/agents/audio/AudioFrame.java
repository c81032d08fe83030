package dev.sofia.agents.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * A block of signed 16-bit PCM, channels interleaved ({@code L R L R …} for stereo).
 *
 * <p>WebRTC produces and consumes audio in 10 ms frames ({@code sampleRate / 100} samples per
 * channel); {@link #silence10ms} and {@link #samplesPer10ms} make that the easy case, but a frame
 * may have any whole number of samples per channel (TTS delivers bursts of arbitrary length).
 *
 * <p>The record does not copy {@code samples}: whoever creates a frame hands the array over and
 * must not change it afterwards, so frames can be passed between threads without copying.
 */
public record AudioFrame(short[] samples, int sampleRate, int channels) {

    /** Above this libwebrtc and every TTS/STT provider we use have nothing to offer. */
    private static final int MAX_SAMPLE_RATE = 384_000;

    public AudioFrame {
        if (sampleRate <= 0 || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sampleRate out of range: " + sampleRate);
        }
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("channels out of range: " + channels);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(
                    samples.length + " samples do not divide into " + channels + " channels");
        }
    }

    /** A frame of {@code samplesPerChannel} zero samples. */
    public static AudioFrame silence(int sampleRate, int channels, int samplesPerChannel) {
        if (samplesPerChannel < 0) {
            throw new IllegalArgumentException("samplesPerChannel < 0: " + samplesPerChannel);
        }
        return new AudioFrame(new short[samplesPerChannel * channels], sampleRate, channels);
    }

    /** The standard 10 ms frame of silence. */
    public static AudioFrame silence10ms(int sampleRate, int channels) {
        return silence(sampleRate, channels, samplesPer10ms(sampleRate));
    }

    /**
     * Samples per channel in 10 ms; rates that are not a multiple of 100 Hz cannot be cut into
     * whole 10 ms frames, which libwebrtc requires.
     */
    public static int samplesPer10ms(int sampleRate) {
        if (sampleRate <= 0 || sampleRate % 100 != 0) {
            throw new IllegalArgumentException("sample rate not a multiple of 100 Hz: " + sampleRate);
        }
        return sampleRate / 100;
    }

    /**
     * Joins frames of one format into one, e.g. to analyse a stretch longer than a 10 ms frame.
     */
    public static AudioFrame concat(List<AudioFrame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to join");
        }
        AudioFrame first = frames.getFirst();
        int total = 0;
        for (AudioFrame f : frames) {
            if (f.sampleRate != first.sampleRate || f.channels != first.channels) {
                throw new IllegalArgumentException("cannot join " + f + " to " + first);
            }
            total += f.samples.length;
        }
        short[] joined = new short[total];
        int at = 0;
        for (AudioFrame f : frames) {
            System.arraycopy(f.samples, 0, joined, at, f.samples.length);
            at += f.samples.length;
        }
        return new AudioFrame(joined, first.sampleRate, first.channels);
    }

    /**
     * Wraps the little-endian bytes webrtc-java hands to an {@code AudioTrackSink} (16 bits per
     * sample). Copies, because webrtc reuses its buffer after the callback returns.
     */
    public static AudioFrame fromLittleEndianBytes(byte[] data, int sampleRate, int channels, int samplesPerChannel) {
        int count = samplesPerChannel * channels;
        if (data.length < count * 2) {
            throw new IllegalArgumentException("need " + count * 2 + " bytes, got " + data.length);
        }
        short[] samples = new short[count];
        ByteBuffer.wrap(data, 0, count * 2)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer()
                .get(samples);
        return new AudioFrame(samples, sampleRate, channels);
    }

    /** The little-endian bytes {@code CustomAudioSource.pushAudio} expects. */
    public byte[] toLittleEndianBytes() {
        byte[] bytes = new byte[samples.length * 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(samples);
        return bytes;
    }

    public int samplesPerChannel() {
        return samples.length / channels;
    }

    public long durationNanos() {
        return samplesPerChannel() * 1_000_000_000L / sampleRate;
    }

    public boolean is10ms() {
        return sampleRate % 100 == 0 && samplesPerChannel() == sampleRate / 100;
    }

    /** By content: the record's default compares the array by identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AudioFrame f
                && sampleRate == f.sampleRate
                && channels == f.channels
                && Arrays.equals(samples, f.samples);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sampleRate + channels) + Arrays.hashCode(samples);
    }

    /** Summarises; the record's default would print every sample. */
    @Override
    public String toString() {
        return "AudioFrame[" + sampleRate + " Hz, " + channels + " ch, " + samplesPerChannel() + " samples/ch]";
    }
}
