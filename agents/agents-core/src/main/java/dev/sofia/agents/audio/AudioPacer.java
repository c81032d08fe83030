package dev.sofia.agents.audio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real-time 10 ms clock for outgoing audio: every 10 ms it moves one frame from each of its
 * {@link PacedStream}s' sources to their sinks, e.g. from {@link PlayoutBuffer#nextFrame()} into
 * webrtc's {@code CustomAudioSource.pushAudio}. One clock serves every published track of a JVM,
 * so a hundred tracks cost one thread and 100 wake-ups a second, not a hundred of each.
 *
 * <p>Why absolute deadlines (not {@code scheduleAtFixedRate} or {@code sleep(10)}): sleeping a
 * fixed interval adds each tick's processing and wake-up delay to the next, so the stream drifts
 * slower than real time and the far end's jitter buffer grows. Here round <i>n</i> is due at {@code
 * start + n × 10 ms} on {@link System#nanoTime()}, so delays do not accumulate.
 *
 * <p>Why the catch-up keeps the timeline: libwebrtc stamps RTP timestamps from the count of samples
 * pushed, not from the wall clock. A stall that pushed nothing would compress the stream's timeline,
 * and every later packet would reach the far end late by the stall — its jitter buffer then plays
 * everything that much later, for seconds. So after a stall (GC pause, overloaded host, {@link
 * #runPaused a pause}) every overdue deadline is still served: the last {@code maxCatchUpFrames}
 * with real frames from the source, the older ones with silence (counted as filled; the source's
 * audio is delayed, not lost). Only beyond {@code maxFillFrames} behind does the clock give up the
 * oldest deadlines (counted as skipped), because a burst of a whole long stall would only overflow
 * the receiver's jitter buffer.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #stop()} (or {@code close()}) ends the thread and
 * waits for it. Streams are added and closed at any time; after {@link PacedStream#close()} returns
 * its sink is not called again. Sources and sinks run on the clock thread, one stream after the
 * other, so they must be quick (a copy, a JNI push); an exception from one is logged and the others
 * go on. Counters are safe to read from any thread.
 */
public final class AudioPacer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AudioPacer.class);

    public static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    public static final int DEFAULT_MAX_CATCH_UP_FRAMES = 3;
    public static final int DEFAULT_MAX_FILL_FRAMES = 20;

    private final String name;
    private final int maxCatchUpFrames;
    private final int maxFillFrames;
    private final List<PacedStream> streams = new CopyOnWriteArrayList<>();
    /** Held by the clock thread while it serves a round, and by {@link #runPaused}. */
    private final ReentrantLock roundLock = new ReentrantLock();

    private volatile boolean running;
    private volatile @Nullable Thread thread;

    public AudioPacer(String name) {
        this(name, DEFAULT_MAX_CATCH_UP_FRAMES, DEFAULT_MAX_FILL_FRAMES);
    }

    public AudioPacer(String name, int maxCatchUpFrames, int maxFillFrames) {
        if (maxCatchUpFrames < 1) {
            throw new IllegalArgumentException("maxCatchUpFrames < 1: " + maxCatchUpFrames);
        }
        if (maxFillFrames < maxCatchUpFrames) {
            throw new IllegalArgumentException("maxFillFrames < maxCatchUpFrames: " + maxFillFrames);
        }
        this.name = name;
        this.maxCatchUpFrames = maxCatchUpFrames;
        this.maxFillFrames = maxFillFrames;
    }

    /** Starts the clock thread; streams added get their first frame at the next deadline. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("pacer " + name + " already started");
        }
        running = true;
        Thread t = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
        t.setPriority(Thread.MAX_PRIORITY);
        thread = t;
        t.start();
    }

    /**
     * Adds a stream: from now on, one frame every 10 ms from {@code source} to {@code sink}. {@code
     * silence} is the 10 ms frame used to fill deadlines after a stall.
     */
    public PacedStream add(
            String streamName, Supplier<AudioFrame> source, Consumer<AudioFrame> sink, AudioFrame silence) {
        PacedStream stream = new PacedStream(this, streamName, source, sink, silence);
        streams.add(stream);
        return stream;
    }

    /**
     * Runs {@code action} while no frame moves: the clock waits for it, then serves the deadlines it
     * missed as after any stall. For steps that must not run beside a push (see {@code
     * WebRtcStack}).
     */
    public void runPaused(Runnable action) {
        roundLock.lock();
        try {
            action.run();
        } finally {
            roundLock.unlock();
        }
    }

    /** Stops the clock and waits for its thread to end, unless called from a sink itself. */
    public void stop() throws InterruptedException {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            t.join();
        }
    }

    /** {@link #stop()}, keeping the caller's interrupt status if it was interrupted meanwhile. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Streams currently paced. */
    public int streamCount() {
        return streams.size();
    }

    /** Called by {@link PacedStream#close()}: once this returns, no round calls the stream again. */
    void remove(PacedStream stream) {
        streams.remove(stream);
        if (Thread.currentThread() != thread) {
            // A round that started before the removal may still be calling the stream: wait it out.
            roundLock.lock();
            roundLock.unlock();
        }
    }

    private void run() {
        long deadline = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            if (now < deadline) {
                LockSupport.parkNanos(this, deadline - now);
                continue; // woken early, by stop() or spuriously: re-check
            }
            roundLock.lock();
            try {
                deadline = serveOverdue(deadline);
            } finally {
                roundLock.unlock();
            }
        }
    }

    /** Serves every deadline up to now (within the limits); returns the next deadline. */
    private long serveOverdue(long deadline) {
        long now = System.nanoTime();
        long behind = (now - deadline) / FRAME_NANOS; // deadlines overdue besides this one
        if (behind > maxFillFrames) {
            long skip = behind - maxFillFrames;
            streams.forEach(s -> s.skipped(skip));
            deadline += skip * FRAME_NANOS;
            behind = maxFillFrames;
        }
        for (long fill = behind - maxCatchUpFrames + 1; fill > 0; fill--) {
            for (PacedStream stream : streams) {
                stream.fill();
            }
            deadline += FRAME_NANOS;
        }
        do {
            boolean late = now - deadline > FRAME_NANOS;
            for (PacedStream stream : streams) {
                stream.tick(late);
            }
            deadline += FRAME_NANOS;
        } while (deadline <= now);
        return deadline;
    }

    static void logFailure(String streamName, RuntimeException e) {
        log.warn("Audio pacer stream {}: frame dropped", streamName, e);
    }
}
