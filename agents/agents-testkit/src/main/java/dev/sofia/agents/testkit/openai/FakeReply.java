package dev.sofia.agents.testkit.openai;

/** A scripted answer of the {@link FakeOpenAiServer}, consumed by one request. */
public sealed interface FakeReply permits ChatReply, TranscriptionReply, SpeechReply, ErrorReply {}
