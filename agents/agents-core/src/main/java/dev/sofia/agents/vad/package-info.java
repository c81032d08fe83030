/**
 * Voice activity detection: a plugin's per-frame {@link dev.sofia.agents.vad.SpeechScorer} under
 * the {@link dev.sofia.agents.vad.VadOptions} state machine of {@link dev.sofia.agents.vad.VadStream},
 * and a loudness gate ({@link dev.sofia.agents.vad.EnergyScorer}).
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.vad;
