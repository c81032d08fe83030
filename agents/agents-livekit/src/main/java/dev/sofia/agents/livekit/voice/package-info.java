/**
 * The agent session in a LiveKit room ({@link dev.sofia.agents.livekit.voice.RoomIo}): the caller's
 * audio in, the agent's voice out, transcripts, typed turns and the agent's state attribute.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.livekit.voice;
