/**
 * Fallback adapters: {@link dev.sofia.agents.fallback.FallbackStt}, {@link
 * dev.sofia.agents.fallback.FallbackLlm} and {@link dev.sofia.agents.fallback.FallbackTts} are each an
 * {@code Stt}, {@code Llm} or {@code Tts} over an ordered list of providers. A provider whose call
 * fails for good is marked unavailable and the next one takes over, as transparently for the caller
 * as the role allows; a background probe brings it back. Changes are reported as {@link
 * dev.sofia.agents.fallback.AvailabilityChanged} events to the adapter's listeners.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.fallback;
