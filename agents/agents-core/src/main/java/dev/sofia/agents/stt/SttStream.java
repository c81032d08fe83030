package dev.sofia.agents.stt;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStream;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Live recognition of one audio stream (see {@link ProviderStream} for the lifecycle): push 10 ms
 * frames with {@link #pushFrame}, {@link #flush()} to force the current utterance to a final
 * result, read {@link SpeechEvent}s with {@code next()}. A provider's stream is retried after a
 * dropped connection even when results were delivered (audio pushed meanwhile is kept).
 */
public abstract class SttStream extends ProviderStream<AudioFrame, SpeechEvent> {

    private final Stt stt;
    private final @Nullable String language;
    private final long startedNanos = System.nanoTime();
    private volatile long audioNanos;

    protected SttStream(Stt stt, @Nullable String language, ConnectOptions options) {
        super(stt, options);
        this.stt = stt;
        this.language = language;
    }

    /** The language asked for (BCP 47), or {@code null} to let the provider detect it. */
    public final @Nullable String language() {
        return language;
    }

    /** Starts the transport; by {@link Stt#stream} only. */
    final void begin() {
        start();
    }

    public final void pushFrame(AudioFrame frame) {
        // Counted first: once queued, the transport may finish and report before this returns.
        audioNanos += frame.durationNanos();
        pushInput(frame);
    }

    @Override
    protected final boolean retryAfterOutput() {
        return true;
    }

    @Override
    protected void onFinished(@Nullable ProviderException failure, boolean cancelled) {
        stt.reportMetrics(new SttMetrics(
                stt.label(),
                null,
                Duration.ofNanos(audioNanos),
                Duration.ofNanos(System.nanoTime() - startedNanos),
                true,
                Instant.now()));
    }
}
