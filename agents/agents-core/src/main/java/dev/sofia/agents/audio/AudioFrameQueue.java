package dev.sofia.agents.audio;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A bounded hand-over of frames from a producer that must never wait to a consumer that may.
 *
 * <p>Made for webrtc's {@code AudioTrackSink.onData}, which runs on libwebrtc's audio thread: if
 * it blocked, all audio of the peer connection would stall. So {@link #offer} never waits; when the
 * queue is full it drops the <em>oldest</em> frame (for live audio the newest is the one worth
 * hearing) and counts it in {@link #dropped()}, which should stay at zero while the consumer keeps
 * up.
 *
 * <p>Lifecycle: open until {@link #close()}. After close, {@code offer} discards its frame and
 * returns {@code false}; consumers still receive the frames already queued and then {@code null},
 * and every consumer waiting in {@link #take()} or {@link #poll(long, TimeUnit)} wakes up.
 *
 * <p>Thread-safe for any number of producers and consumers; the lock is held only to move a
 * reference, never while waiting for space.
 */
public final class AudioFrameQueue implements AutoCloseable {

    private final int capacity;
    private final ArrayDeque<AudioFrame> frames;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmptyOrClosed = lock.newCondition();
    private final AtomicLong dropped = new AtomicLong();
    private boolean closed;

    public AudioFrameQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1: " + capacity);
        }
        this.capacity = capacity;
        this.frames = new ArrayDeque<>(capacity);
    }

    /**
     * Appends a frame without ever waiting, dropping the oldest queued frame if full.
     *
     * @return {@code false} if the queue is closed and the frame was discarded
     */
    public boolean offer(AudioFrame frame) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (frames.size() == capacity) {
                frames.pollFirst();
                dropped.incrementAndGet();
            }
            frames.addLast(frame);
            notEmptyOrClosed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next frame; {@code null} once the queue is closed and empty. */
    public @Nullable AudioFrame take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (frames.isEmpty() && !closed) {
                notEmptyOrClosed.await();
            }
            return frames.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code timeout} for the next frame; {@code null} on timeout or once the queue is
     * closed and empty ({@link #isClosed()} tells which).
     */
    public @Nullable AudioFrame poll(long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (frames.isEmpty() && !closed) {
                if (remaining <= 0) {
                    return null;
                }
                remaining = notEmptyOrClosed.awaitNanos(remaining);
            }
            return frames.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** The next frame if one is queued, without waiting. */
    public @Nullable AudioFrame poll() {
        lock.lock();
        try {
            return frames.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Frames discarded to make room since creation; non-zero means the consumer fell behind. */
    public long dropped() {
        return dropped.get();
    }

    public int size() {
        lock.lock();
        try {
            return frames.size();
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return capacity;
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Ends input and wakes every waiting consumer; idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmptyOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
