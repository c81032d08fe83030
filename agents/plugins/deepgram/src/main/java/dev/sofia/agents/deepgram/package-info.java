/**
 * Deepgram speech-to-text over its own wire protocol (the JDK's WebSocket and HTTP client, no
 * vendor SDK): {@link dev.sofia.agents.deepgram.DeepgramStt} streams audio to {@code /v1/listen}
 * and recognises finished utterances with the pre-recorded endpoint, configured by {@link
 * dev.sofia.agents.deepgram.DeepgramSttOptions}.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.deepgram;
