package dev.sofia.agents.deepgram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How {@link DeepgramStt} talks to Deepgram: the API key, the endpoint ({@code wss://api.deepgram.com};
 * one-shot requests go to the same host over HTTPS), the model and language, and the streaming
 * features (interim results, endpointing, utterance end, smart format, punctuation, key terms). Audio
 * is linear16 mono at 16 or 8 kHz. Start from {@link #of(String)} and change what differs with the
 * {@code with…} methods, or with {@link #toBuilder()} where several differ. {@link #toString()} never shows the key.
 *
 * @param endpointingMs silence after which Deepgram marks a phrase {@code speech_final}; 0 turns
 *     endpointing off
 * @param utteranceEndMs the word gap that makes Deepgram send {@code UtteranceEnd} (needs interim
 *     results, at least 1000); 0 turns it off
 * @param keepAliveInterval how long the stream may go without audio before a {@code KeepAlive} is
 *     sent (Deepgram closes a socket that hears nothing for 10 s)
 */
public record DeepgramSttOptions(
        String apiKey,
        URI baseUrl,
        String model,
        String language,
        boolean interimResults,
        int endpointingMs,
        int utteranceEndMs,
        boolean smartFormat,
        boolean punctuate,
        List<String> keyterms,
        int sampleRate,
        Duration keepAliveInterval) {

    /** Deepgram's public endpoint. */
    public static final URI DEFAULT_BASE_URL = URI.create("wss://api.deepgram.com");

    private static final Set<Integer> SAMPLE_RATES = Set.of(8000, 16000);

    public DeepgramSttOptions {
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("a Deepgram API key is required");
        }
        String scheme = String.valueOf(baseUrl.getScheme());
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("baseUrl must be ws:// or wss://: " + baseUrl);
        }
        if (model.isBlank() || language.isBlank()) {
            throw new IllegalArgumentException("model and language must not be blank");
        }
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be 8000 or 16000: " + sampleRate);
        }
        if (endpointingMs < 0 || utteranceEndMs < 0) {
            throw new IllegalArgumentException("endpointing and utterance end must be ≥ 0");
        }
        if (utteranceEndMs > 0 && (utteranceEndMs < 1000 || !interimResults)) {
            throw new IllegalArgumentException("utterance end needs interim results and at least 1000 ms");
        }
        if (keepAliveInterval.isNegative() || keepAliveInterval.isZero()) {
            throw new IllegalArgumentException("keepAliveInterval must be > 0");
        }
        keyterms = List.copyOf(keyterms);
    }

    /**
     * Defaults for a phone conversation in German: nova-3, interim results, 300 ms endpointing (a
     * pause mid-thought does not end the turn), utterance end after 1 s, smart format and
     * punctuation, 16 kHz, a keep-alive after 5 s without audio.
     */
    public static DeepgramSttOptions of(String apiKey) {
        return new DeepgramSttOptions(
                apiKey,
                DEFAULT_BASE_URL,
                "nova-3",
                "de",
                true,
                300,
                1000,
                true,
                true,
                List.of(),
                16000,
                Duration.ofSeconds(5));
    }

    public DeepgramSttOptions withBaseUrl(URI url) {
        return toBuilder().baseUrl(url).build();
    }

    public DeepgramSttOptions withModel(String name) {
        return toBuilder().model(name).build();
    }

    /** {@code de}, {@code en}, {@code ru}, … or {@code multi} for nova-3's code-switching. */
    public DeepgramSttOptions withLanguage(String code) {
        return toBuilder().language(code).build();
    }

    /** Interim results on or off; off also turns utterance end off, which depends on them. */
    public DeepgramSttOptions withInterimResults(boolean on) {
        return toBuilder()
                .interimResults(on)
                .utteranceEndMs(on ? utteranceEndMs : 0)
                .build();
    }

    public DeepgramSttOptions withEndpointingMs(int ms) {
        return toBuilder().endpointingMs(ms).build();
    }

    public DeepgramSttOptions withUtteranceEndMs(int ms) {
        return toBuilder().utteranceEndMs(ms).build();
    }

    public DeepgramSttOptions withSmartFormat(boolean on) {
        return toBuilder().smartFormat(on).build();
    }

    public DeepgramSttOptions withPunctuate(boolean on) {
        return toBuilder().punctuate(on).build();
    }

    /** Words to listen for (names, the practice's treatments); nova-3's {@code keyterm} prompting. */
    public DeepgramSttOptions withKeyterms(List<String> terms) {
        return toBuilder().keyterms(terms).build();
    }

    public DeepgramSttOptions withSampleRate(int hz) {
        return toBuilder().sampleRate(hz).build();
    }

    public DeepgramSttOptions withKeepAliveInterval(Duration interval) {
        return toBuilder().keepAliveInterval(interval).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Without the API key. */
    @Override
    public String toString() {
        return "DeepgramSttOptions[" + baseUrl + ", " + model + ", " + language + ", " + sampleRate + " Hz, interim="
                + interimResults + ", endpointing=" + endpointingMs + " ms, utteranceEnd=" + utteranceEndMs + " ms, "
                + keyterms.size() + " keyterm(s)]";
    }

    /** A copy of some options with several changed; the record's checks run at {@link #build()}. */
    public static final class Builder {
        private String apiKey;
        private URI baseUrl;
        private String model;
        private String language;
        private boolean interimResults;
        private int endpointingMs;
        private int utteranceEndMs;
        private boolean smartFormat;
        private boolean punctuate;
        private List<String> keyterms;
        private int sampleRate;
        private Duration keepAliveInterval;

        private Builder(DeepgramSttOptions o) {
            apiKey = o.apiKey;
            baseUrl = o.baseUrl;
            model = o.model;
            language = o.language;
            interimResults = o.interimResults;
            endpointingMs = o.endpointingMs;
            utteranceEndMs = o.utteranceEndMs;
            smartFormat = o.smartFormat;
            punctuate = o.punctuate;
            keyterms = o.keyterms;
            sampleRate = o.sampleRate;
            keepAliveInterval = o.keepAliveInterval;
        }

        public Builder baseUrl(URI url) {
            baseUrl = url;
            return this;
        }

        public Builder model(String name) {
            model = name;
            return this;
        }

        public Builder language(String code) {
            language = code;
            return this;
        }

        /** Unlike {@link #withInterimResults}, leaves utterance end as it is. */
        public Builder interimResults(boolean on) {
            interimResults = on;
            return this;
        }

        public Builder endpointingMs(int ms) {
            endpointingMs = ms;
            return this;
        }

        public Builder utteranceEndMs(int ms) {
            utteranceEndMs = ms;
            return this;
        }

        public Builder smartFormat(boolean on) {
            smartFormat = on;
            return this;
        }

        public Builder punctuate(boolean on) {
            punctuate = on;
            return this;
        }

        public Builder keyterms(List<String> terms) {
            keyterms = terms;
            return this;
        }

        public Builder sampleRate(int hz) {
            sampleRate = hz;
            return this;
        }

        public Builder keepAliveInterval(Duration interval) {
            keepAliveInterval = interval;
            return this;
        }

        public DeepgramSttOptions build() {
            return new DeepgramSttOptions(
                    apiKey,
                    baseUrl,
                    model,
                    language,
                    interimResults,
                    endpointingMs,
                    utteranceEndMs,
                    smartFormat,
                    punctuate,
                    keyterms,
                    sampleRate,
                    keepAliveInterval);
        }
    }
}
