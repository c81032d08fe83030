package dev.sofia.agents.voice;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the agent's speech goes, played in real time: audio is pushed in segments (one sentence of
 * a reply), and the output reports when each segment starts playing and how much of it was played
 * when it finished or was cleared — how the session knows what the caller actually heard.
 */
public interface AudioOutput {

    int sampleRate();

    int channels();

    /** Queues audio (this output's format, any length) under a segment id. */
    void push(String segmentId, AudioFrame audio);

    /** No more audio follows for the segment; it is reported once played. */
    void endSegment(String segmentId);

    /** Drops everything not yet played; the open segments are reported interrupted (and returned). */
    List<SegmentPlayout> clearBuffer();

    /** Stops playout at the next frame, keeping what is queued. */
    void pause();

    /** Goes on after {@link #pause()}. */
    void resume();

    /** Listeners (one of each; set once by the session), called on a notification thread in order. */
    void onPlayout(Consumer<String> segmentStarted, Consumer<SegmentPlayout> segmentDone);
}
