package dev.sofia.agents.tts;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStream;
import org.jspecify.annotations.Nullable;

/**
 * Text in, speech out, as the text is generated (see {@link ProviderStream} for the lifecycle):
 * {@link #pushText} pieces of any size (LLM tokens), {@code flush()} ends a segment (one reply),
 * {@code endInput()} ends the stream; read {@link SynthesizedAudio} with {@code next()}, whose
 * {@code isFinal} marks each segment's last piece. Retried only before the first audio.
 */
public abstract class TtsStream extends ProviderStream<String, SynthesizedAudio> {

    private final Tts tts;
    private final SynthesisClock clock = new SynthesisClock();

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
            clock.addCharacters(text.length());
            pushInput(text);
        }
    }

    @Override
    protected void onOutput(SynthesizedAudio audio) {
        clock.audio(audio);
    }

    @Override
    protected void onFinished(@Nullable ProviderException failure, boolean cancelled) {
        tts.reportMetrics(clock.metrics(tts, cancelled));
    }
}
