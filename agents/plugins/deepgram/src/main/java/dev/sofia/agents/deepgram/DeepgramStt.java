package dev.sofia.agents.deepgram;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.Wav;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.stt.SpeechData;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.Stt;
import dev.sofia.agents.stt.SttCapabilities;
import dev.sofia.agents.stt.SttStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Deepgram speech-to-text: live streams over the {@code /v1/listen} WebSocket (interim results,
 * endpointing, utterance end) and finished utterances over the pre-recorded {@code POST /v1/listen}.
 * Talks to Deepgram with the JDK's HTTP client, no vendor SDK. Events and failures as {@link Stt}
 * describes; a refused handshake or HTTP error is a {@link ProviderStatusException} (401 is not
 * retried, 429 and 5xx are).
 */
public final class DeepgramStt extends Stt {

    private final DeepgramSttOptions settings;
    private final HttpClient http;

    public DeepgramStt(DeepgramSttOptions settings) {
        super("deepgram.stt", new SttCapabilities(true, settings.interimResults()));
        this.settings = settings;
        this.http = HttpClient.newHttpClient();
    }

    public DeepgramSttOptions settings() {
        return settings;
    }

    @Override
    protected SttStream newStream(@Nullable String language, ConnectOptions options) {
        return new DeepgramSttStream(this, settings, http, language, options);
    }

    @Override
    protected SpeechEvent recognizeOnce(List<AudioFrame> audio, @Nullable String language, ConnectOptions options)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(DeepgramUris.prerecorded(settings, language))
                .header("Authorization", "Token " + settings.apiKey())
                .header("Content-Type", "audio/wav")
                .timeout(options.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(Wav.encode(audio)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderTimeoutException(label(), "pre-recorded recognition", options.timeout());
        } catch (IOException e) {
            throw new ProviderConnectionException(label(), "request failed: " + e, e);
        }
        if (response.statusCode() >= 400) {
            throw new ProviderStatusException(label(), response.statusCode(), response.body());
        }
        return finalTranscript(response.body(), language != null ? language : settings.language());
    }

    private static SpeechEvent finalTranscript(String body, String language) {
        JsonNode root = DeepgramEvents.JSON.readTree(body);
        JsonNode channel = root.path("results").path("channels").path(0);
        JsonNode best = channel.path("alternatives").path(0);
        JsonNode words = best.path("words");
        Duration start = Duration.ZERO;
        Duration end = seconds(root.path("metadata").path("duration"));
        if (!words.isEmpty()) {
            start = seconds(words.path(0).path("start"));
            end = seconds(words.path(words.size() - 1).path("end"));
        }
        SpeechData data = new SpeechData(
                best.path("transcript").asString(""),
                channel.path("detected_language").asString(language),
                best.path("confidence").asDouble(0),
                start,
                end);
        return SpeechEvent.transcript(
                true, data, root.path("metadata").path("request_id").asString(null));
    }

    private static Duration seconds(JsonNode value) {
        return Duration.ofNanos(Math.round(value.asDouble(0) * 1e9));
    }

    @Override
    public String toString() {
        return label() + " " + settings;
    }
}
