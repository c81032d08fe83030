package dev.sofia.agents.voice;

/** The session's connections to the world: the caller's audio, the agent's audio, transcripts. */
public record SessionIo(AudioInput audioInput, AudioOutput audioOutput, TranscriptOutput transcripts) {}
