package dev.sofia.agents.livekit.audio;

import dev.onvoid.webrtc.internal.NativeLoader;
import dev.onvoid.webrtc.media.audio.AudioConverter;
import dev.sofia.agents.audio.AudioFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Converts a stream of 16-bit PCM from one sample rate and channel count to another, e.g. remote
 * 48 kHz stereo to the 16 kHz mono an STT wants, or 24 kHz TTS output to the 48 kHz we publish.
 *
 * <p>Uses libwebrtc's own {@code AudioConverter} (through webrtc-java): a streaming sinc resampler
 * plus channel up/down-mixing, the same code that converts inside the peer connection, so there is
 * no second resampler of our own to trust. It works on 10 ms blocks and keeps filter state between
 * them, which is why one {@code Resampler} serves exactly one stream. Input of any length is
 * accepted; a partial 10 ms block waits for the next call. The filter delays the signal by a few
 * samples (output starts with a short ramp from zero); the output length is exact: every 10 ms in
 * gives 10 ms out. Mono to stereo copies the channel, stereo to mono averages. When rate and channels
 * are equal the frames pass through untouched and no native code is used.
 *
 * <p>Rates must be multiples of 100 Hz (libwebrtc's 10 ms blocks), which all rates in use are
 * (8, 16, 24, 44.1, 48 kHz). Thread-safe; holds native memory until {@link #close()}, after which
 * it refuses work rather than touching freed memory.
 */
public final class Resampler implements AutoCloseable {

    private final int inRate;
    private final int inChannels;
    private final int outRate;
    private final int outChannels;
    private final short[] pending;
    private int pendingLength;
    private final byte[] inBytes;
    private final byte[] outBytes;
    private @Nullable AudioConverter converter;
    private boolean closed;

    public Resampler(int inRate, int inChannels, int outRate, int outChannels) {
        this.pending = AudioFrame.silence10ms(inRate, inChannels).samples();
        AudioFrame.silence10ms(outRate, outChannels); // validates the output format
        this.inRate = inRate;
        this.inChannels = inChannels;
        this.outRate = outRate;
        this.outChannels = outChannels;
        this.inBytes = new byte[pending.length * 2];
        this.outBytes = new byte[AudioFrame.samplesPer10ms(outRate) * outChannels * 2];
        if (!isPassThrough()) {
            NativeLibrary.load();
            this.converter = new AudioConverter(inRate, inChannels, outRate, outChannels);
        }
    }

    /**
     * Converts {@code frame} (in the input format, any length) and returns the complete 10 ms output
     * frames it yields, possibly none while a partial block is held back.
     */
    public synchronized List<AudioFrame> process(AudioFrame frame) {
        if (closed) {
            throw new IllegalStateException("resampler closed");
        }
        if (frame.sampleRate() != inRate || frame.channels() != inChannels) {
            throw new IllegalArgumentException("expected " + inRate + " Hz/" + inChannels + " ch, got " + frame);
        }
        short[] in = frame.samples();
        List<AudioFrame> out = new ArrayList<>(in.length / pending.length + 1);
        int at = 0;
        while (at < in.length) {
            int n = Math.min(pending.length - pendingLength, in.length - at);
            System.arraycopy(in, at, pending, pendingLength, n);
            pendingLength += n;
            at += n;
            if (pendingLength == pending.length) {
                out.add(convertBlock());
                pendingLength = 0;
            }
        }
        return out;
    }

    /**
     * Ends the stream: converts a held-back partial block, padded with silence, and returns only the
     * output that corresponds to real input. {@code null} if nothing was held back.
     */
    public synchronized @Nullable AudioFrame flush() {
        if (closed || pendingLength == 0) {
            return null;
        }
        int inPerChannel = pendingLength / inChannels;
        Arrays.fill(pending, pendingLength, pending.length, (short) 0);
        pendingLength = 0;
        AudioFrame block = convertBlock();
        int outPerChannel = (int) ((long) inPerChannel * outRate / inRate);
        return new AudioFrame(Arrays.copyOf(block.samples(), outPerChannel * outChannels), outRate, outChannels);
    }

    private AudioFrame convertBlock() {
        if (converter == null) {
            return new AudioFrame(pending.clone(), outRate, outChannels);
        }
        for (int i = 0; i < pending.length; i++) {
            inBytes[2 * i] = (byte) pending[i];
            inBytes[2 * i + 1] = (byte) (pending[i] >> 8);
        }
        int produced = converter.convert(inBytes, outBytes);
        short[] out = new short[produced];
        for (int i = 0; i < produced; i++) {
            out[i] = (short) ((outBytes[2 * i] & 0xFF) | (outBytes[2 * i + 1] << 8));
        }
        return new AudioFrame(out, outRate, outChannels);
    }

    private boolean isPassThrough() {
        return inRate == outRate && inChannels == outChannels;
    }

    /** Frees the native converter; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (converter != null) {
                converter.dispose();
                converter = null;
            }
        }
    }

    /**
     * webrtc-java loads its JNI library from the classes that create a peer connection factory;
     * {@code AudioConverter} does not, so a resampler used before (or without) a room would hit an
     * unlinked native method.
     */
    private static final class NativeLibrary {
        static {
            try {
                NativeLoader.loadLibrary("webrtc-java");
            } catch (Exception e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static void load() {
            // the static initialiser did the work
        }
    }
}
