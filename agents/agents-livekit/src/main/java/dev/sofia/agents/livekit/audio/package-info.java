/**
 * Audio building blocks of the room client, kept free of networking so they can be unit-tested:
 * 16-bit PCM {@link dev.sofia.agents.livekit.audio.AudioFrame frames}, a non-blocking
 * {@link dev.sofia.agents.livekit.audio.AudioFrameQueue queue} for webrtc's sink callback, a
 * {@link dev.sofia.agents.livekit.audio.Resampler}, the local playout path
 * ({@link dev.sofia.agents.livekit.audio.PlayoutBuffer} paced by an
 * {@link dev.sofia.agents.livekit.audio.AudioPacer}) and tone helpers for tests and benchmarks.
 * WebRTC moves audio in 10 ms frames, so everything here speaks in 10 ms frames too.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.livekit.audio;
