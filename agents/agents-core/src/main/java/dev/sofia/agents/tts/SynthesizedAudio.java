package dev.sofia.agents.tts;

import dev.sofia.agents.audio.AudioFrame;

/**
 * A piece of synthesised speech, in order: PCM of any length in the provider's format, the segment
 * it belongs to (one {@code flush()} of a stream, or the whole text of a one-shot synthesis), and
 * whether it is the segment's last piece. {@code text} is the text this piece speaks when the
 * provider says so (word alignment), else {@code ""}.
 */
public record SynthesizedAudio(AudioFrame frame, String segmentId, boolean isFinal, String text) {}
