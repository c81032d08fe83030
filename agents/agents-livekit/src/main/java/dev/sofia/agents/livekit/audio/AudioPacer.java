package dev.sofia.agents.livekit.audio;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one frame from a source to a sink every 10 ms, in real time, e.g. from {@link
 * PlayoutBuffer#nextFrame()} into webrtc's {@code CustomAudioSource.pushAudio}.
 *
 * <p>Why not {@code scheduleAtFixedRate} or {@code sleep(10)}: sleeping a fixed interval adds each
 * tick's processing and wake-up delay to the next, so the stream drifts slower than real time and
 * the far end's jitter buffer grows. Here tick <i>n</i> is due at {@code start + n × 10 ms}
 * (absolute deadlines on {@link System#nanoTime()}), so delays do not accumulate. After a stall
 * (GC pause, overloaded host) the pacer catches up by running overdue ticks back to back, but at
 * most {@code maxCatchUpFrames} of them; older deadlines are skipped and counted, because a burst
 * of a whole stall's audio would only overflow the receiver's jitter buffer.
 *
 * <p>Runs on its own platform thread (timing is its job; a virtual thread could wait behind busy
 * carriers). Lifecycle: {@link #start()} once, {@link #stop()} (or {@code close()}) ends the thread
 * and waits for it; after {@code stop()} returns the sink is not called again. Source and sink run
 * on the pacer thread and must not block; an exception from them is logged and the pacing goes on.
 * Counters are safe to read from any thread.
 */
public final class AudioPacer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AudioPacer.class);

    public static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    public static final int DEFAULT_MAX_CATCH_UP_FRAMES = 3;

    private final Supplier<AudioFrame> source;
    private final Consumer<AudioFrame> sink;
    private final int maxCatchUpFrames;
    private final String name;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong lateTicks = new AtomicLong();
    private final AtomicLong skippedTicks = new AtomicLong();
    private volatile boolean running;
    private @Nullable Thread thread;

    public AudioPacer(String name, Supplier<AudioFrame> source, Consumer<AudioFrame> sink) {
        this(name, source, sink, DEFAULT_MAX_CATCH_UP_FRAMES);
    }

    public AudioPacer(String name, Supplier<AudioFrame> source, Consumer<AudioFrame> sink, int maxCatchUpFrames) {
        if (maxCatchUpFrames < 1) {
            throw new IllegalArgumentException("maxCatchUpFrames < 1: " + maxCatchUpFrames);
        }
        this.name = name;
        this.source = source;
        this.sink = sink;
        this.maxCatchUpFrames = maxCatchUpFrames;
    }

    /** Starts the pacing thread; the first frame goes out at once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("pacer " + name + " already started");
        }
        running = true;
        Thread t = Thread.ofPlatform().name("audio-pacer-" + name).daemon().unstarted(this::run);
        t.setPriority(Thread.MAX_PRIORITY);
        thread = t;
        t.start();
    }

    /** Stops pacing and waits for the thread to end, unless called from the sink itself. */
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

    /** Ticks run: frames taken from the source and offered to the sink. */
    public long ticks() {
        return ticks.get();
    }

    /** Frames delivered more than one frame period after their deadline. */
    public long lateTicks() {
        return lateTicks.get();
    }

    /** Deadlines given up after a stall longer than the catch-up limit (no frame was taken). */
    public long skippedTicks() {
        return skippedTicks.get();
    }

    private void run() {
        long deadline = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            if (now < deadline) {
                LockSupport.parkNanos(this, deadline - now);
                continue; // woken early, by stop() or spuriously: re-check
            }
            long behind = (now - deadline) / FRAME_NANOS;
            if (behind >= maxCatchUpFrames) {
                long skip = behind - maxCatchUpFrames + 1;
                skippedTicks.addAndGet(skip);
                deadline += skip * FRAME_NANOS;
            }
            if (now - deadline > FRAME_NANOS) {
                lateTicks.incrementAndGet();
            }
            tick();
            deadline += FRAME_NANOS;
        }
    }

    private void tick() {
        try {
            sink.accept(source.get());
        } catch (RuntimeException e) {
            log.warn("Audio pacer {}: frame dropped", name, e);
        }
        ticks.incrementAndGet();
    }
}
