package dev.sofia.agents.testkit.openai;

/** What {@code /v1/audio/transcriptions} answers: {@code {"text": …}}. */
public record TranscriptionReply(String text) implements FakeReply {}
