package dev.sofia.agents.testkit.openai;

/** A tool call the fake model makes: its id ({@code call_…}), the function's name, the JSON arguments. */
public record FakeToolCall(String id, String name, String arguments) {}
