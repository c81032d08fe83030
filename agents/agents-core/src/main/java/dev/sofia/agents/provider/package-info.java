/**
 * What every provider role shares: the {@link dev.sofia.agents.provider.Provider} base (label,
 * connect options, listeners, retries), the {@link dev.sofia.agents.provider.ProviderStream}
 * lifecycle that STT, LLM, TTS and VAD streams follow, and the error types with their retryable
 * flag that retries and fallback adapters decide on; and {@link
 * dev.sofia.agents.provider.ProviderWebSocket}, the JDK WebSocket client the WebSocket plugins share.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.provider;
