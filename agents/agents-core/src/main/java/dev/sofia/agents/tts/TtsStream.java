package dev.sofia.agents.tts;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStream;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Text in, speech out, as the text is generated (see {@link ProviderStream} for the lifecycle):
 * {@link #pushText} pieces of any size (LLM tokens), {@code flush()} ends a segment (one reply),
 * {@code endInput()} ends the stream; read {@link SynthesizedAudio} with {@code next()}, whose
 * {@code isFinal} marks each segment's last piece. Retried only before the first audio.
 */
public abstract class TtsStream extends ProviderStream<String, SynthesizedAudio> {

    private final Tts tts;
    private final long startedNanos = System.nanoTime();
    private volatile long firstByteNanos;
    private volatile long audioNanos;
    private volatile int characters;

    protected TtsStream(Tts tts, ConnectOptions options) {
        super(tts, options);
        this.tts = tts;
    }

    final void begin() {
        start();
    }

    public final void pushText(String text) {
        if (!text.isEmpty()) {
            // Counted first: once queued, the transport may finish and report before this returns.
            characters += text.length();
            pushInput(text);
        }
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
                characters,
                Duration.ofNanos(audioNanos),
                cancelled,
                Instant.now()));
    }
}
