package dev.sofia.agents.tts;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.Provider;

/**
 * Text-to-speech. A template: {@link #synthesize} (one text) and {@link #stream} (text as it is
 * generated) own retries, metrics and error events; a plugin implements {@link #newSynthesis} and,
 * if it streams text in, {@link #newStream}. A provider that does not stream text still gets a
 * stream: {@link SentenceTtsStream} synthesises it sentence by sentence.
 */
public abstract class Tts extends Provider {

    private final TtsCapabilities capabilities;

    protected Tts(String label, TtsCapabilities capabilities) {
        super(label);
        this.capabilities = capabilities;
    }

    public final TtsCapabilities capabilities() {
        return capabilities;
    }

    public final int sampleRate() {
        return capabilities.sampleRate();
    }

    public final int channels() {
        return capabilities.channels();
    }

    /** Synthesises one text; read the audio from the returned stream, close it to cancel. */
    public final ChunkedSynthesis synthesize(String text) {
        ChunkedSynthesis synthesis = newSynthesis(text, connectOptions());
        synthesis.begin();
        return synthesis;
    }

    /** A stream taking text as it is generated (sentence by sentence if the provider cannot). */
    public final TtsStream stream() {
        TtsStream stream =
                capabilities.streaming() ? newStream(connectOptions()) : new SentenceTtsStream(this, connectOptions());
        stream.begin();
        return stream;
    }

    /** A new, not yet started synthesis of one text. */
    protected abstract ChunkedSynthesis newSynthesis(String text, ConnectOptions options);

    /** A new, not yet started text stream; override when the capabilities say {@code streaming}. */
    protected TtsStream newStream(ConnectOptions options) {
        throw new UnsupportedOperationException(label() + " does not stream text");
    }

    final void reportMetrics(TtsMetrics metrics) {
        report(metrics);
    }
}
