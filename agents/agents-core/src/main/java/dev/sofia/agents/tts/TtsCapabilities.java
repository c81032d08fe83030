package dev.sofia.agents.tts;

/**
 * What a text-to-speech provider can do and what it produces: whether it takes text as a stream
 * (else {@link Tts#stream()} speaks sentence by sentence), and the rate and channels of its audio.
 */
public record TtsCapabilities(boolean streaming, int sampleRate, int channels) {}
