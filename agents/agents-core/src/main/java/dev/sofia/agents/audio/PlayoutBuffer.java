package dev.sofia.agents.audio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's outgoing audio between TTS and the wire: takes speech in bursts of any length, hands
 * it out one 10 ms frame per tick, and reports per segment how much the caller actually got.
 *
 * <p>Why: TTS delivers seconds of audio in a few hundred milliseconds, while WebRTC wants exactly
 * 10 ms every 10 ms. And when the caller interrupts, the agent must drop what has not been played
 * and know where it was cut off, so the conversation history holds what was heard, not what was
 * generated. A <em>segment</em> (e.g. one reply) is the unit of that accounting.
 *
 * <p>Producer side, any thread: {@link #push} audio under a segment id, {@link
 * #markEndOfSegment} when the segment is complete, {@link #clear()} on interruption, {@link
 * #awaitDrained} to wait until everything queued has been played. Consumer side: {@link #nextFrame()},
 * called by one {@link AudioPacer} every 10 ms, always returns one 10 ms frame: queued audio, padded
 * with silence if the queue runs dry mid-frame, or pure silence (flagged) if nothing is queued.
 * Consecutive segments are played back to back without a gap.
 *
 * <p>"Played" means handed out by {@code nextFrame()}; the network and the caller's jitter buffer
 * add a little more. Sample counts are per channel.
 *
 * <p>Notifications ({@link SegmentPlayout}) go to the listener in the order they happen, on one
 * dedicated virtual thread, so a slow listener never delays the pacer: {@code FINISHED} once the
 * last sample of an ended segment was handed out, {@code INTERRUPTED} for every segment still open
 * when {@code clear()} or {@code close()} runs. Every segment is reported exactly once.
 *
 * <p>The queue is not bounded: it holds what TTS produced for the current reply, which the agent
 * bounds. {@link #close()} clears, rejects further pushes and, once the pending notifications are
 * delivered, ends the notification thread. Thread-safe.
 */
public final class PlayoutBuffer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlayoutBuffer.class);

    public enum Outcome {
        FINISHED,
        INTERRUPTED
    }

    /** How much of a segment was played; {@code samplesPlayed < samplesPushed} means cut off. */
    public record SegmentPlayout(
            String segmentId, long samplesPlayed, long samplesPushed, int sampleRate, Outcome outcome) {

        public Duration played() {
            return Duration.ofNanos(samplesPlayed * 1_000_000_000L / sampleRate);
        }

        public boolean interrupted() {
            return outcome == Outcome.INTERRUPTED;
        }
    }

    /** One 10 ms frame for the wire; {@code audioSamples} per channel came from the queue. */
    public record PlayoutFrame(AudioFrame audio, int audioSamples) {

        public boolean isSilence() {
            return audioSamples == 0;
        }
    }

    private static final class Segment {
        final String id;
        long pushed;
        long played;
        boolean ended;

        Segment(String id) {
            this.id = id;
        }
    }

    private static final class Chunk {
        final Segment segment;
        final short[] samples;
        int offset;

        Chunk(Segment segment, short[] samples) {
            this.segment = segment;
            this.samples = samples;
        }
    }

    private final int sampleRate;
    private final int channels;
    private final int frameLength;
    private final Consumer<SegmentPlayout> listener;
    private final ExecutorService notifier;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition drained = lock.newCondition();
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    /** Segments not yet reported, in the order they started. */
    private final Map<String, Segment> open = new LinkedHashMap<>();

    private boolean closed;
    private boolean paused;
    private volatile Consumer<String> startListener = id -> {};

    public PlayoutBuffer(int sampleRate, int channels, Consumer<SegmentPlayout> listener) {
        this.frameLength = AudioFrame.silence10ms(sampleRate, channels).samples().length;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.listener = listener;
        this.notifier = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("playout-notifications").factory());
    }

    /** Queues a frame (in this buffer's format) for {@code segmentId}; takes the frame's array. */
    public void push(String segmentId, AudioFrame frame) {
        if (frame.sampleRate() != sampleRate || frame.channels() != channels) {
            throw new IllegalArgumentException("expected " + sampleRate + " Hz/" + channels + " ch, got " + frame);
        }
        enqueue(segmentId, frame.samples());
    }

    /** Queues interleaved PCM in this buffer's format for {@code segmentId}; copies {@code pcm}. */
    public void push(String segmentId, short[] pcm) {
        enqueue(segmentId, new AudioFrame(pcm.clone(), sampleRate, channels).samples());
    }

    private void enqueue(String segmentId, short[] samples) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("playout buffer closed");
            }
            Segment segment = open.computeIfAbsent(segmentId, Segment::new);
            if (segment.ended) {
                throw new IllegalStateException("segment " + segmentId + " already ended");
            }
            if (samples.length > 0) {
                segment.pushed += samples.length / channels;
                chunks.addLast(new Chunk(segment, samples));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Declares that no more audio follows for {@code segmentId}; it is reported {@code FINISHED} as
     * soon as its queued audio has been played (at once if it already has been, or if it was empty).
     */
    public void markEndOfSegment(String segmentId) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            Segment segment = open.computeIfAbsent(segmentId, Segment::new);
            segment.ended = true;
            if (segment.played == segment.pushed) {
                finish(segment);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops everything queued (the caller interrupted) and reports every open segment as {@code
     * INTERRUPTED}, to the listener and as the return value, in the order the segments started.
     */
    public List<SegmentPlayout> clear() {
        lock.lock();
        try {
            chunks.clear();
            List<SegmentPlayout> interrupted = new ArrayList<>(open.size());
            for (Segment segment : open.values()) {
                interrupted.add(report(segment, Outcome.INTERRUPTED));
            }
            open.clear();
            drained.signalAll();
            return interrupted;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops playout at the next frame without dropping anything: {@link #nextFrame()} hands out
     * silence until {@link #resume()}. For a caller who may be interrupting: if it was only a
     * cough, the agent goes on where it stopped.
     */
    public void pause() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    /** Resumes playout after {@link #pause()}. */
    public void resume() {
        lock.lock();
        try {
            paused = false;
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called with a segment's id when its first sample is handed out, on the notification thread,
     * in order with the {@link SegmentPlayout} reports (for transcripts in step with the audio).
     */
    public void onSegmentStarted(Consumer<String> listener) {
        this.startListener = listener;
    }

    /** The next 10 ms for the wire; never waits, never returns {@code null}. */
    public PlayoutFrame nextFrame() {
        short[] out = new short[frameLength];
        int filled = 0;
        lock.lock();
        try {
            while (!paused && filled < frameLength && !chunks.isEmpty()) {
                Chunk chunk = chunks.peekFirst();
                if (chunk.offset == 0 && chunk.segment.played == 0) {
                    notifyStarted(chunk.segment.id);
                }
                int n = Math.min(chunk.samples.length - chunk.offset, frameLength - filled);
                System.arraycopy(chunk.samples, chunk.offset, out, filled, n);
                chunk.offset += n;
                filled += n;
                Segment segment = chunk.segment;
                segment.played += n / channels;
                if (chunk.offset == chunk.samples.length) {
                    chunks.pollFirst();
                    if (segment.ended && segment.played == segment.pushed) {
                        finish(segment);
                    }
                }
            }
            if (chunks.isEmpty()) {
                drained.signalAll();
            }
        } finally {
            lock.unlock();
        }
        return new PlayoutFrame(new AudioFrame(out, sampleRate, channels), filled / channels);
    }

    /** Waits until all queued audio has been played or cleared; {@code false} on timeout. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (!chunks.isEmpty()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = drained.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Samples per channel waiting to be played. */
    public long queuedSamples() {
        lock.lock();
        try {
            long queued = 0;
            for (Chunk chunk : chunks) {
                queued += chunk.samples.length - chunk.offset;
            }
            return queued / channels;
        } finally {
            lock.unlock();
        }
    }

    /** Clears (reporting interruptions), refuses further pushes; idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            clear();
            closed = true;
        } finally {
            lock.unlock();
        }
        notifier.shutdown();
    }

    private void notifyStarted(String segmentId) {
        Consumer<String> started = startListener;
        try {
            notifier.execute(() -> {
                try {
                    started.accept(segmentId);
                } catch (RuntimeException e) {
                    log.warn("Playout start listener failed on {}", segmentId, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Playout buffer closed, not reporting the start of {}", segmentId);
        }
    }

    private void finish(Segment segment) {
        open.remove(segment.id);
        report(segment, Outcome.FINISHED);
    }

    private SegmentPlayout report(Segment segment, Outcome outcome) {
        var playout = new SegmentPlayout(segment.id, segment.played, segment.pushed, sampleRate, outcome);
        try {
            notifier.execute(() -> {
                try {
                    listener.accept(playout);
                } catch (RuntimeException e) {
                    log.warn("Playout listener failed on {}", playout, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Playout buffer closed, not reporting {}", playout);
        }
        return playout;
    }
}
