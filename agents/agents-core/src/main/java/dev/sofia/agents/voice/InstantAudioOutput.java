package dev.sofia.agents.voice;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.PlayoutBuffer.Outcome;
import dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout;
import java.util.List;
import java.util.function.Consumer;

/**
 * An audio output for text-only sessions (a console chat, conversation tests): nothing is played,
 * each segment counts as played in full the moment it ends, so replies complete as soon as they are
 * written and the transcript carries the conversation.
 */
public final class InstantAudioOutput implements AudioOutput {

    private final int sampleRate;
    private volatile Consumer<String> started = id -> {};
    private volatile Consumer<SegmentPlayout> done = p -> {};

    public InstantAudioOutput(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public void push(String segmentId, AudioFrame audio) {}

    @Override
    public void endSegment(String segmentId) {
        started.accept(segmentId);
        done.accept(new SegmentPlayout(segmentId, 1, 1, sampleRate, Outcome.FINISHED));
    }

    @Override
    public List<SegmentPlayout> clearBuffer() {
        return List.of();
    }

    @Override
    public void pause() {}

    @Override
    public void resume() {}

    @Override
    public void onPlayout(Consumer<String> segmentStarted, Consumer<SegmentPlayout> segmentDone) {
        this.started = segmentStarted;
        this.done = segmentDone;
    }
}
