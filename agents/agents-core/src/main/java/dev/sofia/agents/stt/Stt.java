package dev.sofia.agents.stt;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Speech-to-text. A template: {@link #recognize} (one finished utterance) and {@link #stream} (live
 * audio) own retries, metrics and error events; a plugin implements {@link #recognizeOnce} and,
 * if it streams, {@link #newStream}.
 */
public abstract class Stt extends Provider {

    private final SttCapabilities capabilities;

    protected Stt(String label, SttCapabilities capabilities) {
        super(label);
        this.capabilities = capabilities;
    }

    public final SttCapabilities capabilities() {
        return capabilities;
    }

    /** Recognises a finished utterance, retrying retryable failures; the final transcript event. */
    public final SpeechEvent recognize(List<AudioFrame> audio, @Nullable String language) throws InterruptedException {
        ConnectOptions options = connectOptions();
        long started = System.nanoTime();
        SpeechEvent result = callWithRetries(options, () -> recognizeOnce(audio, language, options));
        long audioNanos = audio.stream().mapToLong(AudioFrame::durationNanos).sum();
        reportMetrics(new SttMetrics(
                label(),
                result.requestId(),
                Duration.ofNanos(audioNanos),
                Duration.ofNanos(System.nanoTime() - started),
                false,
                Instant.now()));
        return result;
    }

    /** A live recognition stream; only for providers whose capabilities say they stream. */
    public final SttStream stream(@Nullable String language) {
        if (!capabilities.streaming()) {
            throw new UnsupportedOperationException(
                    label() + " does not stream; wrap it in a VadSegmentedStt to recognise utterance by utterance");
        }
        SttStream stream = newStream(language, connectOptions());
        stream.begin();
        return stream;
    }

    /** One attempt at recognising a finished utterance. */
    protected abstract SpeechEvent recognizeOnce(
            List<AudioFrame> audio, @Nullable String language, ConnectOptions options) throws Exception;

    /** A new, not yet started stream; override when the capabilities say {@code streaming}. */
    protected SttStream newStream(@Nullable String language, ConnectOptions options) {
        throw new UnsupportedOperationException(label() + " does not stream");
    }

    final void reportMetrics(SttMetrics metrics) {
        report(metrics);
    }
}
