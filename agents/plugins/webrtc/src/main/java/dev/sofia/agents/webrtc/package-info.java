/**
 * Voice activity detection with libwebrtc's VAD: {@link dev.sofia.agents.webrtc.WebRtcVad} runs
 * the native model (through webrtc-java) behind agents-core's loudness gate under the core speech
 * state machine; {@link dev.sofia.agents.webrtc.WebRtcVadOptions} holds presets for telephone and
 * web audio.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.webrtc;
