package dev.sofia.agents.espeak;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.tts.TtsCapabilities;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Offline text-to-speech with espeak-ng (Debian package {@code espeak-ng}): each text is spoken by
 * a fresh {@code espeak-ng --stdout} child process, so nothing leaves the machine and nothing needs
 * a key. Robotic, but always there: the voice of last resort behind cloud TTS.
 *
 * <p>The text goes to the process on stdin, never on the command line, because it is untrusted
 * (LLM output); SSML is left off, and espeak's other in-band controls ({@code [[phonemes]]},
 * control characters) are neutralised first. Audio is handed out while espeak still writes it,
 * converted from espeak's 22,050 Hz to {@link EspeakTtsOptions#sampleRate()} (see {@link
 * SincResampler}). Not a streaming provider: {@link #stream()} speaks sentence by sentence.
 *
 * <p>Failures: no espeak-ng binary is not retryable and says to install it; a non-zero exit carries
 * espeak's stderr (also not retryable: espeak is deterministic); no audio within the connect
 * options' timeout is retryable. Closing a synthesis kills its process.
 */
public final class EspeakTts extends Tts {

    private final EspeakTtsOptions options;
    private final SincResampler.@Nullable Kernel kernel;
    private final AtomicLong synthesisCount = new AtomicLong();

    public EspeakTts(EspeakTtsOptions options) {
        super("espeak.tts", new TtsCapabilities(false, options.sampleRate(), 1));
        this.options = options;
        this.kernel = options.sampleRate() == EspeakTtsOptions.NATIVE_SAMPLE_RATE
                ? null
                : new SincResampler.Kernel(EspeakTtsOptions.NATIVE_SAMPLE_RATE, options.sampleRate());
    }

    public EspeakTtsOptions options() {
        return options;
    }

    @Override
    protected ChunkedSynthesis newSynthesis(String text, ConnectOptions connectOptions) {
        String segmentId = "espeak-" + synthesisCount.incrementAndGet();
        return new EspeakSynthesis(this, text, segmentId, connectOptions);
    }

    /** The filter from {@code inRate} to the output rate, or {@code null} when none is needed. */
    SincResampler.@Nullable Kernel kernelFrom(int inRate) {
        if (inRate == options.sampleRate()) {
            return null;
        }
        SincResampler.Kernel shared = kernel;
        return shared != null && shared.inRate == inRate
                ? shared
                : new SincResampler.Kernel(inRate, options.sampleRate());
    }
}
