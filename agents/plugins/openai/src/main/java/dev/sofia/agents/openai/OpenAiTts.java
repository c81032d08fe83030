package dev.sofia.agents.openai;

import com.openai.client.OpenAIClient;
import com.openai.models.audio.speech.SpeechCreateParams;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.tts.TtsCapabilities;

/**
 * Text-to-speech with OpenAI's speech endpoint ({@code POST /audio/speech}) in its {@code pcm}
 * format (24 kHz, 16-bit, mono), the audio passed on piece by piece as the bytes arrive. It takes
 * whole texts, so {@link Tts#stream()} feeds it sentence by sentence. Retries, metrics and error
 * events are the {@link Tts} template's. Label {@code openai.tts}.
 */
public final class OpenAiTts extends Tts {

    /** OpenAI's {@code pcm} format is fixed at this rate. */
    public static final int SAMPLE_RATE = 24_000;

    private final OpenAiTtsOptions options;
    private final OpenAIClient client;

    public OpenAiTts(OpenAiTtsOptions options) {
        super("openai.tts", new TtsCapabilities(false, SAMPLE_RATE, 1));
        this.options = options;
        this.client = OpenAiClients.create(options.apiKey(), options.baseUrl());
    }

    public OpenAiTtsOptions options() {
        return options;
    }

    @Override
    protected ChunkedSynthesis newSynthesis(String text, ConnectOptions connectOptions) {
        SpeechCreateParams.Builder params = SpeechCreateParams.builder()
                .input(text)
                .model(options.model())
                .voice(options.voice())
                .responseFormat(SpeechCreateParams.ResponseFormat.PCM);
        if (options.instructions() != null) {
            params.instructions(options.instructions());
        }
        if (options.speed() != null) {
            params.speed(options.speed());
        }
        return new OpenAiSynthesis(this, client, params.build(), text, connectOptions);
    }
}
