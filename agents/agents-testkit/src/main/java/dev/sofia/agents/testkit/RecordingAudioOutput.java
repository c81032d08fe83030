package dev.sofia.agents.testkit;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;
import dev.sofia.agents.audio.AudioPacer;
import dev.sofia.agents.audio.PacedStream;
import dev.sofia.agents.audio.PlayoutBuffer;
import dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout;
import dev.sofia.agents.voice.AudioOutput;
import java.util.List;
import java.util.function.Consumer;

/**
 * The agent's side of a test conversation: an {@link AudioOutput} that plays in real time (a
 * {@link PlayoutBuffer} paced by its own {@link AudioPacer}, as a room's track is) and records when
 * audible frames went out, so a test can tell when the agent started and stopped speaking.
 */
public final class RecordingAudioOutput implements AudioOutput, AutoCloseable {

    private final int sampleRate;
    private final PlayoutBuffer buffer;
    private final AudioPacer pacer = new AudioPacer("recording-output");
    private final PacedStream stream;
    private volatile Consumer<String> started = id -> {};
    private volatile Consumer<SegmentPlayout> done = p -> {};
    private volatile long firstAudibleNanos;
    private volatile long lastAudibleNanos;
    private volatile long audibleFrames;

    public RecordingAudioOutput(int sampleRate) {
        this.sampleRate = sampleRate;
        this.buffer = new PlayoutBuffer(sampleRate, 1, p -> done.accept(p));
        buffer.onSegmentStarted(id -> started.accept(id));
        this.stream = pacer.add(
                "agent", () -> buffer.nextFrame().audio(), this::played, AudioFrame.silence10ms(sampleRate, 1));
        pacer.start();
    }

    private void played(AudioFrame frame) {
        if (AudioLevels.dbfs(frame) > -40) {
            long now = System.nanoTime();
            if (firstAudibleNanos == 0) {
                firstAudibleNanos = now;
            }
            lastAudibleNanos = now;
            audibleFrames++;
        }
    }

    /** When the first audible frame went out since the last {@link #resetMarks()} (0: none yet). */
    public long firstAudibleNanos() {
        return firstAudibleNanos;
    }

    /** When the latest audible frame went out (0: none yet). */
    public long lastAudibleNanos() {
        return lastAudibleNanos;
    }

    public long audibleFrames() {
        return audibleFrames;
    }

    public void resetMarks() {
        firstAudibleNanos = 0;
        lastAudibleNanos = 0;
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
    public void push(String segmentId, AudioFrame audio) {
        buffer.push(segmentId, audio);
    }

    @Override
    public void endSegment(String segmentId) {
        buffer.markEndOfSegment(segmentId);
    }

    @Override
    public List<SegmentPlayout> clearBuffer() {
        return buffer.clear();
    }

    @Override
    public void pause() {
        buffer.pause();
    }

    @Override
    public void resume() {
        buffer.resume();
    }

    @Override
    public void onPlayout(Consumer<String> segmentStarted, Consumer<SegmentPlayout> segmentDone) {
        this.started = segmentStarted;
        this.done = segmentDone;
    }

    @Override
    public void close() {
        stream.close();
        pacer.close();
        buffer.close();
    }
}
