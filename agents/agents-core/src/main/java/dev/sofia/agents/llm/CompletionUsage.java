package dev.sofia.agents.llm;

/** Tokens billed for one completion. */
public record CompletionUsage(int promptTokens, int completionTokens, int cachedPromptTokens) {

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
