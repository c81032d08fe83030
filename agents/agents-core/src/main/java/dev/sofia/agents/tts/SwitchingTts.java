package dev.sofia.agents.tts;

import dev.sofia.agents.provider.ConnectOptions;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One voice out of several, chosen anew for every text: e.g. a voice per language, switched when the
 * caller switches language mid-call. Every voice must have the same sample rate and channels (the
 * audio output is set up once). It streams text only if every voice does.
 */
public final class SwitchingTts extends Tts {

    private final Map<String, Tts> voices;
    private final Supplier<String> selector;
    private final Tts fallback;

    /**
     * @param voices the voices by key (e.g. de, en, ru)
     * @param selector the key of the voice to use now; an unknown key uses {@code defaultKey}'s voice
     */
    public SwitchingTts(Map<String, Tts> voices, String defaultKey, Supplier<String> selector) {
        super("switching(" + String.join(",", voices.keySet()) + ")", capabilities(voices));
        this.voices = Map.copyOf(voices);
        this.selector = selector;
        this.fallback = voices.get(defaultKey);
        if (fallback == null) {
            throw new IllegalArgumentException("no voice for the default key " + defaultKey);
        }
    }

    private static TtsCapabilities capabilities(Map<String, Tts> voices) {
        if (voices.isEmpty()) {
            throw new IllegalArgumentException("at least one voice");
        }
        TtsCapabilities first = voices.values().iterator().next().capabilities();
        boolean streaming = true;
        for (Tts voice : voices.values()) {
            TtsCapabilities c = voice.capabilities();
            if (c.sampleRate() != first.sampleRate() || c.channels() != first.channels()) {
                throw new IllegalArgumentException("every voice needs the same sample rate and channels");
            }
            streaming &= c.streaming();
        }
        return new TtsCapabilities(streaming, first.sampleRate(), first.channels());
    }

    /** The voice for the current key. */
    public Tts current() {
        return voices.getOrDefault(selector.get(), fallback);
    }

    @Override
    protected ChunkedSynthesis newSynthesis(String text, ConnectOptions options) {
        return current().newSynthesis(text, options);
    }

    @Override
    protected TtsStream newStream(ConnectOptions options) {
        return current().newStream(options);
    }
}
