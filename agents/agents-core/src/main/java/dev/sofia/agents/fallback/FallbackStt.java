package dev.sofia.agents.fallback;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.Stt;
import dev.sofia.agents.stt.SttCapabilities;
import dev.sofia.agents.stt.SttStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@link Stt} over recognisers in order of preference. A one-shot recognition that fails for
 * good goes to the next recogniser with the same audio. A stream switches to the next recogniser
 * and goes on with the following audio; the audio not yet recognised (since the last final
 * transcript or end of speech, at most {@link FallbackSttStream#REPLAY} of it) is replayed to the
 * new one first, so the utterance in progress is not lost. The adapter streams only if every
 * recogniser does (wrap a one-shot one in a {@code VadSegmentedStt}), and promises interim results
 * only if every one gives them.
 *
 * <p>A failed recogniser is probed in the background with 300 ms of silence and used again once it
 * answers. The adapter does not retry on top of its recognisers. {@link #close()} stops the probes.
 */
public final class FallbackStt extends Stt implements AutoCloseable {

    private static final int PROBE_RATE = 16_000;

    private final Availability<Stt> availability;

    public FallbackStt(List<? extends Stt> recognisers) {
        this(recognisers, ProbeSchedule.DEFAULT);
    }

    public FallbackStt(List<? extends Stt> recognisers, ProbeSchedule probes) {
        super("fallback.stt", capabilities(recognisers));
        this.availability =
                new Availability<>(label(), List.copyOf(recognisers), probes, FallbackStt::probe, this::report);
    }

    public boolean isAvailable(Stt recogniser) {
        return availability.isAvailable(recogniser);
    }

    @Override
    public ConnectOptions connectOptions() {
        return super.connectOptions().withMaxRetries(0);
    }

    @Override
    protected SpeechEvent recognizeOnce(List<AudioFrame> audio, @Nullable String language, ConnectOptions options)
            throws InterruptedException {
        return availability.firstAnswer(stt -> stt.recognize(audio, language));
    }

    @Override
    protected SttStream newStream(@Nullable String language, ConnectOptions options) {
        return new FallbackSttStream(this, language, options, availability);
    }

    @Override
    public void close() {
        availability.close();
    }

    private static void probe(Stt stt) throws InterruptedException {
        List<AudioFrame> silence = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            silence.add(AudioFrame.silence10ms(PROBE_RATE, 1));
        }
        if (!stt.capabilities().streaming()) {
            stt.recognize(silence, null);
            return;
        }
        try (SttStream stream = stt.stream(null)) {
            silence.forEach(stream::pushFrame);
            stream.endInput();
            Availability.awaitAnswer(stream, stt.connectOptions().timeout());
        }
    }

    private static SttCapabilities capabilities(List<? extends Stt> recognisers) {
        return new SttCapabilities(
                recognisers.stream().allMatch(s -> s.capabilities().streaming()),
                recognisers.stream().allMatch(s -> s.capabilities().interimResults()));
    }
}
