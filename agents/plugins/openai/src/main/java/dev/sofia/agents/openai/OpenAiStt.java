package dev.sofia.agents.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.MultipartField;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.Wav;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.stt.SpeechData;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.Stt;
import dev.sofia.agents.stt.SttCapabilities;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Speech-to-text with OpenAI's transcription endpoint ({@code POST /audio/transcriptions}): one
 * finished utterance at a time, uploaded as a WAV file. It does not stream; wrap it in a {@code
 * VadSegmentedStt} to recognise live audio utterance by utterance. Retries, metrics and error
 * events are the {@link Stt} template's. Label {@code openai.stt}.
 */
public final class OpenAiStt extends Stt {

    private final OpenAiSttOptions options;
    private final OpenAIClient client;

    public OpenAiStt(OpenAiSttOptions options) {
        super("openai.stt", new SttCapabilities(false, false));
        this.options = options;
        this.client = OpenAiClients.create(options.apiKey(), options.baseUrl());
    }

    public OpenAiSttOptions options() {
        return options;
    }

    @Override
    protected SpeechEvent recognizeOnce(List<AudioFrame> audio, @Nullable String language, ConnectOptions connect) {
        String wanted = language != null ? language : options.language();
        if (audio.isEmpty()) {
            return transcript("", wanted == null ? "" : wanted, null, Duration.ZERO);
        }
        AudioFrame utterance = AudioFrame.concat(audio);
        Duration duration = Duration.ofNanos(utterance.durationNanos());
        TranscriptionCreateParams.Builder params = TranscriptionCreateParams.builder()
                .file(MultipartField.<InputStream>builder()
                        .value(new ByteArrayInputStream(Wav.encode(utterance)))
                        .filename("audio.wav")
                        .contentType("audio/wav")
                        .build())
                .model(options.model());
        if (wanted != null) {
            params.language(isoLanguage(wanted));
        }
        if (options.prompt() != null) {
            params.prompt(options.prompt());
        }
        try (HttpResponseFor<TranscriptionCreateResponse> response = client.audio()
                .transcriptions()
                .withRawResponse()
                .create(params.build(), OpenAiClients.requestOptions(connect))) {
            String requestId = response.headers().values("x-request-id").stream()
                    .findFirst()
                    .orElse(null);
            TranscriptionCreateResponse result = response.parse();
            String detected = result.verbose().map(v -> v.language()).orElse(wanted == null ? "" : wanted);
            return transcript(textOf(result), detected, requestId, duration);
        } catch (RuntimeException e) {
            throw OpenAiErrors.map(label(), e, "transcription", connect.timeout());
        }
    }

    private static String textOf(TranscriptionCreateResponse result) {
        return result.transcription()
                .map(t -> t.text())
                .or(() -> result.verbose().map(v -> v.text()))
                .or(() -> result.diarized().map(d -> d.text()))
                .orElse("")
                .strip();
    }

    private static SpeechEvent transcript(String text, String language, @Nullable String requestId, Duration duration) {
        SpeechData best = new SpeechData(text, language, 0, Duration.ZERO, duration);
        return new SpeechEvent(SpeechEvent.Type.FINAL_TRANSCRIPT, List.of(best), requestId, duration);
    }

    /** OpenAI takes ISO 639-1 ({@code de}), agents-core speaks BCP 47 ({@code de-DE}). */
    static String isoLanguage(String bcp47) {
        int dash = bcp47.indexOf('-');
        return (dash < 0 ? bcp47 : bcp47.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
