package dev.sofia.agents.fallback;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.tts.TtsCapabilities;
import dev.sofia.agents.tts.TtsStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link Tts} over voices in order of preference, all with the same sample rate and channels
 * (resample before, or the caller would get audio of two formats in one stream). A one-shot
 * synthesis that fails for good before its first audio goes to the next voice, unseen by the
 * caller; after it, the failure is the caller's. A text stream switches voice for the segments to
 * come, and has a failed segment spoken again by the next voice if none of its audio was delivered
 * yet (else its remaining audio is lost and it ends with an empty final piece). Segment ids are the
 * adapter's own ({@code seg-1}, {@code seg-2}, … by flush), whichever voice speaks.
 *
 * <p>A failed voice is probed in the background by synthesising one word and used again once it
 * answers. The adapter does not retry on top of its voices. {@link #close()} stops the probes.
 */
public final class FallbackTts extends Tts implements AutoCloseable {

    static final String PROBE_TEXT = "OK";

    private final Availability<Tts> availability;

    public FallbackTts(List<? extends Tts> voices) {
        this(voices, ProbeSchedule.DEFAULT);
    }

    public FallbackTts(List<? extends Tts> voices, ProbeSchedule probes) {
        super("fallback.tts", capabilities(voices));
        this.availability = new Availability<>(label(), List.copyOf(voices), probes, FallbackTts::probe, this::report);
    }

    public boolean isAvailable(Tts voice) {
        return availability.isAvailable(voice);
    }

    @Override
    public ConnectOptions connectOptions() {
        return super.connectOptions().withMaxRetries(0);
    }

    @Override
    protected ChunkedSynthesis newSynthesis(String text, ConnectOptions options) {
        return new ChunkedSynthesis(this, text, options) {
            @Override
            protected void run(StreamInput<Void> in, Consumer<SynthesizedAudio> out) throws InterruptedException {
                availability.relayFirst(voice -> voice.synthesize(text), out);
            }
        };
    }

    @Override
    protected TtsStream newStream(ConnectOptions options) {
        return new FallbackTtsStream(this, options, availability);
    }

    @Override
    public void close() {
        availability.close();
    }

    private static void probe(Tts voice) throws InterruptedException {
        try (ChunkedSynthesis synthesis = voice.synthesize(PROBE_TEXT)) {
            Availability.awaitAnswer(synthesis, voice.connectOptions().timeout());
        }
    }

    /** Streaming: the adapter takes text as it comes and hands it to whichever voice speaks. */
    private static TtsCapabilities capabilities(List<? extends Tts> voices) {
        if (voices.isEmpty()) {
            throw new IllegalArgumentException("fallback.tts needs at least one voice");
        }
        Tts first = voices.getFirst();
        for (Tts voice : voices) {
            if (voice.sampleRate() != first.sampleRate() || voice.channels() != first.channels()) {
                throw new IllegalArgumentException("voices differ in format: " + first + " has " + first.sampleRate()
                        + " Hz × " + first.channels() + ", " + voice + " has " + voice.sampleRate() + " Hz × "
                        + voice.channels() + "; resample them to one format");
            }
        }
        return new TtsCapabilities(true, first.sampleRate(), first.channels());
    }
}
