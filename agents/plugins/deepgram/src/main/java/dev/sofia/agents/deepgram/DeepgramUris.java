package dev.sofia.agents.deepgram;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Deepgram's {@code /v1/listen} endpoints with the options as query parameters. */
final class DeepgramUris {

    private DeepgramUris() {}

    /** The streaming endpoint; {@code language} overrides the options' one. */
    static URI streaming(DeepgramSttOptions options, @Nullable String language) {
        List<String> query = commonQuery(options, language);
        query.add("encoding=linear16");
        query.add("sample_rate=" + options.sampleRate());
        query.add("channels=1");
        query.add("interim_results=" + options.interimResults());
        int endpointingMs = options.endpointingMs();
        query.add("endpointing=" + (endpointingMs == 0 ? "false" : String.valueOf(endpointingMs)));
        if (options.utteranceEndMs() > 0) {
            query.add("utterance_end_ms=" + options.utteranceEndMs());
        }
        query.add("vad_events=true"); // SpeechStarted, our START_OF_SPEECH
        return URI.create(options.baseUrl() + "/v1/listen?" + String.join("&", query));
    }

    /** The pre-recorded endpoint (same host over HTTP(S)); the WAV header gives the format. */
    static URI prerecorded(DeepgramSttOptions options, @Nullable String language) {
        String http = options.baseUrl().toString().replaceFirst("^ws", "http");
        return URI.create(http + "/v1/listen?" + String.join("&", commonQuery(options, language)));
    }

    private static List<String> commonQuery(DeepgramSttOptions options, @Nullable String language) {
        List<String> query = new ArrayList<>();
        query.add("model=" + encode(options.model()));
        query.add("language=" + encode(language != null ? language : options.language()));
        query.add("smart_format=" + options.smartFormat());
        query.add("punctuate=" + options.punctuate());
        for (String term : options.keyterms()) {
            query.add("keyterm=" + encode(term));
        }
        return query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
