package dev.sofia.agents.deepgram;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How {@link DeepgramStt} talks to Deepgram: the API key, the endpoint ({@code wss://api.deepgram.com};
 * one-shot requests go to the same host over HTTPS), the model and language, and the streaming
 * features (interim results, endpointing, utterance end, smart format, punctuation, key terms). Audio
 * is linear16 mono at 16 or 8 kHz. Start from {@link #of(String)} and change what differs with the
 * {@code with…} methods. {@link #toString()} never shows the key.
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
        return new DeepgramSttOptions(
                apiKey,
                url,
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

    public DeepgramSttOptions withModel(String name) {
        return new DeepgramSttOptions(
                apiKey,
                baseUrl,
                name,
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

    /** {@code de}, {@code en}, {@code ru}, … or {@code multi} for nova-3's code-switching. */
    public DeepgramSttOptions withLanguage(String code) {
        return new DeepgramSttOptions(
                apiKey,
                baseUrl,
                model,
                code,
                interimResults,
                endpointingMs,
                utteranceEndMs,
                smartFormat,
                punctuate,
                keyterms,
                sampleRate,
                keepAliveInterval);
    }

    /** Interim results on or off; off also turns utterance end off, which depends on them. */
    public DeepgramSttOptions withInterimResults(boolean on) {
        return new DeepgramSttOptions(
                apiKey,
                baseUrl,
                model,
                language,
                on,
                endpointingMs,
                on ? utteranceEndMs : 0,
                smartFormat,
                punctuate,
                keyterms,
                sampleRate,
                keepAliveInterval);
    }

    public DeepgramSttOptions withEndpointingMs(int ms) {
        return new DeepgramSttOptions(
                apiKey,
                baseUrl,
                model,
                language,
                interimResults,
                ms,
                utteranceEndMs,
                smartFormat,
                punctuate,
                keyterms,
                sampleRate,
                keepAliveInterval);
    }

    public DeepgramSttOptions withUtteranceEndMs(int ms) {
        return new DeepgramSttOptions(
                apiKey,
                baseUrl,
                model,
                language,
                interimResults,
                endpointingMs,
                ms,
                smartFormat,
                punctuate,
                keyterms,
                sampleRate,
                keepAliveInterval);
    }

    public DeepgramSttOptions withSmartFormat(boolean on) {
        return new DeepgramSttOptions(
                apiKey,
                baseUrl,
                model,
                language,
                interimResults,
                endpointingMs,
                utteranceEndMs,
                on,
                punctuate,
                keyterms,
                sampleRate,
                keepAliveInterval);
    }

    public DeepgramSttOptions withPunctuate(boolean on) {
        return new DeepgramSttOptions(
                apiKey,
                baseUrl,
                model,
                language,
                interimResults,
                endpointingMs,
                utteranceEndMs,
                smartFormat,
                on,
                keyterms,
                sampleRate,
                keepAliveInterval);
    }

    /** Words to listen for (names, the practice's treatments); nova-3's {@code keyterm} prompting. */
    public DeepgramSttOptions withKeyterms(List<String> terms) {
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
                terms,
                sampleRate,
                keepAliveInterval);
    }

    public DeepgramSttOptions withSampleRate(int hz) {
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
                hz,
                keepAliveInterval);
    }

    public DeepgramSttOptions withKeepAliveInterval(Duration interval) {
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
                interval);
    }

    /** The streaming endpoint with this configuration as query parameters. */
    URI streamingUri(@Nullable String languageOverride) {
        List<String> query = commonQuery(languageOverride);
        query.add("encoding=linear16");
        query.add("sample_rate=" + sampleRate);
        query.add("channels=1");
        query.add("interim_results=" + interimResults);
        query.add("endpointing=" + (endpointingMs == 0 ? "false" : String.valueOf(endpointingMs)));
        if (utteranceEndMs > 0) {
            query.add("utterance_end_ms=" + utteranceEndMs);
        }
        query.add("vad_events=true"); // SpeechStarted, our START_OF_SPEECH
        return URI.create(baseUrl + "/v1/listen?" + String.join("&", query));
    }

    /** The pre-recorded endpoint (same host over HTTP(S)); the WAV header gives the format. */
    URI prerecordedUri(@Nullable String languageOverride) {
        String http = baseUrl.toString().replaceFirst("^ws", "http");
        return URI.create(http + "/v1/listen?" + String.join("&", commonQuery(languageOverride)));
    }

    private List<String> commonQuery(@Nullable String languageOverride) {
        List<String> query = new ArrayList<>();
        query.add("model=" + encode(model));
        query.add("language=" + encode(languageOverride != null ? languageOverride : language));
        query.add("smart_format=" + smartFormat);
        query.add("punctuate=" + punctuate);
        for (String term : keyterms) {
            query.add("keyterm=" + encode(term));
        }
        return query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Without the API key. */
    @Override
    public String toString() {
        return "DeepgramSttOptions[" + baseUrl + ", " + model + ", " + language + ", " + sampleRate + " Hz, interim="
                + interimResults + ", endpointing=" + endpointingMs + " ms, utteranceEnd=" + utteranceEndMs + " ms, "
                + keyterms.size() + " keyterm(s)]";
    }
}
