package dev.sofia.agents.openai;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a transcription model: API key, base URL (OpenAI or a compatible server), the model
 * ({@value #DEFAULT_MODEL}, {@code gpt-4o-mini-transcribe} or {@code whisper-1}), the language to
 * expect when a request names none ({@code null}: the model detects it), and a prompt that steers
 * spelling (names, the practice's vocabulary). {@link #toString()} never shows the key.
 */
public record OpenAiSttOptions(
        String apiKey,
        String baseUrl,
        String model,
        @Nullable String language,
        @Nullable String prompt) {

    public static final String DEFAULT_MODEL = "gpt-4o-transcribe";

    public OpenAiSttOptions {
        OpenAiOptions.requireEndpoint(apiKey, baseUrl, model);
    }

    /** OpenAI itself, {@value #DEFAULT_MODEL}, language detected. */
    public static OpenAiSttOptions of(String apiKey) {
        return new OpenAiSttOptions(apiKey, OpenAiClients.DEFAULT_BASE_URL, DEFAULT_MODEL, null, null);
    }

    public OpenAiSttOptions withBaseUrl(String url) {
        return new OpenAiSttOptions(apiKey, url, model, language, prompt);
    }

    public OpenAiSttOptions withModel(String name) {
        return new OpenAiSttOptions(apiKey, baseUrl, name, language, prompt);
    }

    public OpenAiSttOptions withLanguage(@Nullable String bcp47) {
        return new OpenAiSttOptions(apiKey, baseUrl, model, bcp47, prompt);
    }

    public OpenAiSttOptions withPrompt(@Nullable String text) {
        return new OpenAiSttOptions(apiKey, baseUrl, model, language, text);
    }

    @Override
    public String toString() {
        return OpenAiOptions.describe(this);
    }
}
