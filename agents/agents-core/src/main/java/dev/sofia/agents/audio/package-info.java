/**
 * Audio building blocks, free of networking so they can be unit-tested: 16-bit PCM {@link
 * dev.sofia.agents.audio.AudioFrame frames}, a non-blocking {@link
 * dev.sofia.agents.audio.AudioFrameQueue queue} for a media thread's callback, the outgoing playout
 * path ({@link dev.sofia.agents.audio.PlayoutBuffer} paced by an {@link
 * dev.sofia.agents.audio.AudioPacer}) and tone helpers for tests and benchmarks. Real-time audio
 * moves in 10 ms frames, so everything here speaks in 10 ms frames too.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.audio;
