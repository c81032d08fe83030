package dev.sofia.agents.openai;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a speech model: API key, base URL (OpenAI or a compatible server), the model
 * ({@value #DEFAULT_MODEL}, {@code tts-1}, {@code tts-1-hd}), the voice, instructions on how to
 * speak (tone, pace; {@code gpt-4o-mini-tts} only) and the speed (0.25–4, {@code null}: 1). {@link
 * #toString()} never shows the key.
 */
public record OpenAiTtsOptions(
        String apiKey,
        String baseUrl,
        String model,
        String voice,
        @Nullable String instructions,
        @Nullable Double speed) {

    public static final String DEFAULT_MODEL = "gpt-4o-mini-tts";
    public static final String DEFAULT_VOICE = "ash";

    public OpenAiTtsOptions {
        OpenAiOptions.requireEndpoint(apiKey, baseUrl, model);
        OpenAiOptions.requireText(voice, "voice");
        if (speed != null && (speed < 0.25 || speed > 4)) {
            throw new IllegalArgumentException("speed must be within 0.25 and 4: " + speed);
        }
    }

    /** OpenAI itself, {@value #DEFAULT_MODEL}, voice {@value #DEFAULT_VOICE}. */
    public static OpenAiTtsOptions of(String apiKey) {
        return new OpenAiTtsOptions(apiKey, OpenAiClients.DEFAULT_BASE_URL, DEFAULT_MODEL, DEFAULT_VOICE, null, null);
    }

    public OpenAiTtsOptions withBaseUrl(String url) {
        return new OpenAiTtsOptions(apiKey, url, model, voice, instructions, speed);
    }

    public OpenAiTtsOptions withModel(String name) {
        return new OpenAiTtsOptions(apiKey, baseUrl, name, voice, instructions, speed);
    }

    public OpenAiTtsOptions withVoice(String name) {
        return new OpenAiTtsOptions(apiKey, baseUrl, model, name, instructions, speed);
    }

    public OpenAiTtsOptions withInstructions(@Nullable String text) {
        return new OpenAiTtsOptions(apiKey, baseUrl, model, voice, text, speed);
    }

    public OpenAiTtsOptions withSpeed(@Nullable Double value) {
        return new OpenAiTtsOptions(apiKey, baseUrl, model, voice, instructions, value);
    }

    @Override
    public String toString() {
        return OpenAiOptions.describe(this);
    }
}
