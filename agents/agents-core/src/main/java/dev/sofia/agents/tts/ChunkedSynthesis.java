package dev.sofia.agents.tts;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStream;
import org.jspecify.annotations.Nullable;

/**
 * One text synthesised as it arrives (see {@link ProviderStream} for the lifecycle): no input; read
 * {@link SynthesizedAudio} with {@code next()} until {@code null}; {@code close()} cancels. Retried
 * only before the first audio.
 */
public abstract class ChunkedSynthesis extends ProviderStream<Void, SynthesizedAudio> {

    private final Tts tts;
    private final String text;
    private final SynthesisClock clock = new SynthesisClock();

    protected ChunkedSynthesis(Tts tts, String text, ConnectOptions options) {
        super(tts, options);
        this.tts = tts;
        this.text = text;
        clock.addCharacters(text.length());
    }

    public final String text() {
        return text;
    }

    final void begin() {
        start();
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
