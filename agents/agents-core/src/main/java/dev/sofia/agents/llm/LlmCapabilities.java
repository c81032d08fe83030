package dev.sofia.agents.llm;

/** What a model can do: call tools, and several at once. */
public record LlmCapabilities(boolean toolCalls, boolean parallelToolCalls) {}
