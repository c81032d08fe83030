/**
 * Text-to-speech: the {@link dev.sofia.agents.tts.Tts} template, its one-shot {@link
 * dev.sofia.agents.tts.ChunkedSynthesis} and text-streaming {@link dev.sofia.agents.tts.TtsStream},
 * and the sentence-by-sentence stream for providers that only take whole texts.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.tts;
