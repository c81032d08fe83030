package dev.sofia.agents.stt;

/**
 * What a speech-to-text provider can do: recognise a live stream (else only finished utterances,
 * see {@link VadSegmentedStt}) and report interim results while the caller still speaks.
 */
public record SttCapabilities(boolean streaming, boolean interimResults) {}
