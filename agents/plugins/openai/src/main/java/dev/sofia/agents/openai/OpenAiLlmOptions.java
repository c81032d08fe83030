package dev.sofia.agents.openai;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a chat model: the API key, the base URL of OpenAI or of any OpenAI-compatible server
 * (Azure OpenAI, Groq, Mistral, vLLM, Ollama …, ending in {@code /v1}), the model, and sampling
 * defaults ({@code null}: the server's default; a request's own temperature wins). {@link
 * #toString()} never shows the key.
 */
public record OpenAiLlmOptions(
        String apiKey,
        String baseUrl,
        String model,
        @Nullable Double temperature,
        @Nullable Integer maxCompletionTokens) {

    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    public OpenAiLlmOptions {
        OpenAiOptions.requireEndpoint(apiKey, baseUrl, model);
    }

    /** OpenAI itself, {@value #DEFAULT_MODEL}, server defaults for sampling. */
    public static OpenAiLlmOptions of(String apiKey) {
        return new OpenAiLlmOptions(apiKey, OpenAiClients.DEFAULT_BASE_URL, DEFAULT_MODEL, null, null);
    }

    public OpenAiLlmOptions withBaseUrl(String url) {
        return new OpenAiLlmOptions(apiKey, url, model, temperature, maxCompletionTokens);
    }

    public OpenAiLlmOptions withModel(String name) {
        return new OpenAiLlmOptions(apiKey, baseUrl, name, temperature, maxCompletionTokens);
    }

    public OpenAiLlmOptions withTemperature(@Nullable Double value) {
        return new OpenAiLlmOptions(apiKey, baseUrl, model, value, maxCompletionTokens);
    }

    public OpenAiLlmOptions withMaxCompletionTokens(@Nullable Integer tokens) {
        return new OpenAiLlmOptions(apiKey, baseUrl, model, temperature, tokens);
    }

    @Override
    public String toString() {
        return OpenAiOptions.describe(this);
    }
}
