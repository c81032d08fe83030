package dev.sofia.agents.llm;

/** A complete tool call in an LLM's answer (a plugin assembles the streamed pieces). */
public record ToolCall(String callId, String name, String arguments) {}
