/**
 * A LiveKit room participant for Java: connect to a room over LiveKit's signal protocol and real
 * WebRTC (webrtc-java), hear remote audio as PCM frames, speak PCM frames, exchange data, text and
 * byte streams and RPC calls. The base of Sofia's agent framework; no Spring. See
 * docs/agents-livekit.md for the thread model.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.livekit;
