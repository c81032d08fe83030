/**
 * Speech-to-text: the {@link dev.sofia.agents.stt.Stt} template (one-shot and streaming), its
 * {@link dev.sofia.agents.stt.SttStream}, the {@link dev.sofia.agents.stt.SpeechEvent}s both report,
 * and the adapters that give a one-shot provider a stream.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.stt;
