/**
 * OpenAI and OpenAI-compatible providers through the official openai-java SDK: {@link
 * dev.sofia.agents.openai.OpenAiLlm} (streamed chat completions with tools), {@link
 * dev.sofia.agents.openai.OpenAiStt} (one-shot transcription, for a VAD-segmented stream) and
 * {@link dev.sofia.agents.openai.OpenAiTts} (streamed PCM speech), each with its options record.
 * The plugin only speaks the protocol: retries, metrics and error events are agents-core's, and
 * every failure is mapped to agents-core's provider exceptions.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.openai;
