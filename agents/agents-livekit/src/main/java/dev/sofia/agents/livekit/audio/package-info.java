/**
 * Audio that needs libwebrtc: the {@link dev.sofia.agents.livekit.audio.Resampler} (webrtc-java's
 * {@code AudioConverter}) that turns remote tracks into the rate and channels a consumer asks for.
 * The pure-Java audio building blocks (frames, queues, the playout buffer and pacer, tone tools)
 * are in agents-core's {@code dev.sofia.agents.audio}.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.livekit.audio;
