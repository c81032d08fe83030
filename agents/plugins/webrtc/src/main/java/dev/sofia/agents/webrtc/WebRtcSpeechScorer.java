package dev.sofia.agents.webrtc;

import dev.onvoid.webrtc.internal.NativeLoader;
import dev.onvoid.webrtc.media.audio.VoiceActivityDetector;
import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.vad.SpeechScorer;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * libwebrtc's voice activity detector ({@code modules/audio_processing/vad}: a GMM detector and a
 * pitch-based one, combined) as a {@link SpeechScorer}, through webrtc-java's {@link
 * VoiceActivityDetector}.
 *
 * <p>What the native side demands, and how this class meets it: exactly 10 ms of mono audio per
 * call (frames of other lengths are cut into 10 ms blocks here, the rest waits for the next frame;
 * channels are averaged) at a rate its resampler takes to 16 kHz — 8, 16, 32 or 48 kHz; anything
 * else would trip a {@code RTC_CHECK} and abort the JVM, so it is refused here with an exception.
 * The model works on 30 ms and updates its estimate every third block, so the probability lags the
 * audio by up to 20 ms; before its first estimate it reports 1.0, which this class replaces by 0.
 *
 * <p>Holds a native detector until {@link #close()}; not thread-safe (one per stream, as the
 * interface says).
 */
final class WebRtcSpeechScorer implements SpeechScorer {

    static final Set<Integer> SAMPLE_RATES = Set.of(8_000, 16_000, 32_000, 48_000);

    /** libwebrtc's initial value (kDefaultVoiceValue), reported until the first 30 ms are analysed. */
    private static final float NO_ESTIMATE_YET = 1.0f;

    private @Nullable VoiceActivityDetector detector;
    private int sampleRate;
    private short[] block = new short[0];
    private int blockLength;
    private byte[] bytes = new byte[0];
    private boolean estimated;
    private double probability;

    WebRtcSpeechScorer() {
        NativeLibrary.load();
        this.detector = new VoiceActivityDetector();
    }

    @Override
    public double speechProbability(AudioFrame frame) {
        VoiceActivityDetector vad = detector;
        if (vad == null) {
            throw new IllegalStateException("scorer closed");
        }
        if (frame.sampleRate() != sampleRate) {
            start(frame.sampleRate());
        }
        short[] samples = frame.samples();
        int channels = frame.channels();
        for (int i = 0; i < samples.length; i += channels) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples[i + c];
            }
            block[blockLength++] = (short) (sum / channels);
            if (blockLength == block.length) {
                analyse(vad);
                blockLength = 0;
            }
        }
        return probability;
    }

    private void start(int rate) {
        if (!SAMPLE_RATES.contains(rate)) {
            throw new IllegalArgumentException("libwebrtc's VAD takes 8, 16, 32 or 48 kHz, not " + rate + " Hz");
        }
        sampleRate = rate;
        block = new short[AudioFrame.samplesPer10ms(rate)];
        blockLength = 0; // a partial block of the old rate is dropped: at most 10 ms
        bytes = new byte[block.length * 2];
    }

    private void analyse(VoiceActivityDetector vad) {
        for (int i = 0; i < block.length; i++) {
            bytes[2 * i] = (byte) block[i];
            bytes[2 * i + 1] = (byte) (block[i] >> 8);
        }
        vad.process(bytes, block.length, sampleRate);
        float p = vad.getLastVoiceProbability();
        // The initial 1.0 means "nothing analysed yet", not "speech". Should a first real estimate be
        // exactly 1.0, it is only taken 30 ms later: harmless.
        if (!estimated && p == NO_ESTIMATE_YET) {
            return;
        }
        estimated = true;
        probability = p;
    }

    /** Frees the native detector; idempotent. */
    @Override
    public void close() {
        VoiceActivityDetector vad = detector;
        detector = null;
        if (vad != null) {
            vad.dispose();
        }
    }

    /**
     * webrtc-java loads its JNI library only from the classes that build a peer connection factory
     * (and a few others); {@code VoiceActivityDetector} does not, so a VAD used before any room
     * would hit an unlinked native method.
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
