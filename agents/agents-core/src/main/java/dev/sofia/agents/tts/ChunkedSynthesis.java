package dev.sofia.agents.tts;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStream;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One text synthesised as it arrives (see {@link ProviderStream} for the lifecycle): no input; read
 * {@link SynthesizedAudio} with {@code next()} until {@code null}; {@code close()} cancels. Retried
 * only before the first audio.
 */
public abstract class ChunkedSynthesis extends ProviderStream<Void, SynthesizedAudio> {

    private final Tts tts;
    private final String text;
    private final long startedNanos = System.nanoTime();
    private volatile long firstByteNanos;
    private volatile long audioNanos;

    protected ChunkedSynthesis(Tts tts, String text, ConnectOptions options) {
        super(tts, options);
        this.tts = tts;
        this.text = text;
    }

    public final String text() {
        return text;
    }

    final void begin() {
        start();
    }

    @Override
    protected void onOutput(SynthesizedAudio audio) {
        if (firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
        audioNanos += audio.frame().durationNanos();
    }

    @Override
    protected void onFinished(@Nullable ProviderException failure, boolean cancelled) {
        long first = firstByteNanos;
        tts.reportMetrics(new TtsMetrics(
                tts.label(),
                null,
                first == 0 ? null : Duration.ofNanos(first - startedNanos),
                Duration.ofNanos(System.nanoTime() - startedNanos),
                text.length(),
                Duration.ofNanos(audioNanos),
                cancelled,
                Instant.now()));
    }
}
