package dev.sofia.agents.livekit.data;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The receiving buffer of one stream, between the delivery thread (which offers chunks and ends or
 * fails the stream, never blocking) and the reader's thread (which takes chunks, blocking).
 *
 * <p>Chunks are released in index order: duplicates (an index already seen) are dropped, a chunk
 * that arrives early waits until the gap before it is filled; a trailer while a gap remains fails
 * the stream as {@link DataStreamException.Reason#INCOMPLETE}. Every received byte counts against
 * {@code maxBytes}, so a stream holds at most that much memory. A failed stream drops its buffer
 * and the next read throws.
 */
final class IncomingStream {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final long maxBytes;
    private final ArrayDeque<byte[]> ready = new ArrayDeque<>();
    private final TreeMap<Long, byte[]> early = new TreeMap<>();
    private volatile StreamInfo info;
    /** The info with the trailer's attributes, shown once the reader reaches the end. */
    private @Nullable StreamInfo endInfo;

    private long nextIndex;
    private long received;
    private boolean ended;
    private boolean discarded;
    private @Nullable DataStreamException failure;

    IncomingStream(StreamInfo info, long maxBytes) {
        this.info = info;
        this.maxBytes = maxBytes;
    }

    StreamInfo info() {
        return info;
    }

    @Nullable
    DataStreamException failure() {
        lock.lock();
        try {
            return failure;
        } finally {
            lock.unlock();
        }
    }

    /** Delivery side. Returns false once the stream is finished (failed, ended or discarded). */
    boolean offer(long index, byte[] content) {
        lock.lock();
        try {
            if (isFinished()) {
                return false;
            }
            if (index < nextIndex || early.containsKey(index)) {
                return true; // a duplicate
            }
            received += content.length;
            if (received > maxBytes) {
                failLocked(new DataStreamException(
                        DataStreamException.Reason.TOO_LARGE,
                        "stream " + info.id() + " exceeds the limit of " + maxBytes + " bytes and was dropped"));
                return false;
            }
            var total = info.totalLength();
            if (total.isPresent() && total.getAsLong() > 0 && received > total.getAsLong()) {
                failLocked(new DataStreamException(
                        DataStreamException.Reason.LENGTH_EXCEEDED,
                        "stream " + info.id() + " sent more than the announced " + total.getAsLong() + " bytes"));
                return false;
            }
            if (index == nextIndex) {
                ready.add(content);
                nextIndex++;
                for (byte[] next; (next = early.remove(nextIndex)) != null; nextIndex++) {
                    ready.add(next);
                }
                changed.signalAll();
            } else {
                early.put(index, content);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Delivery side: the trailer arrived. */
    void end(String reason, Map<String, String> trailerAttributes) {
        lock.lock();
        try {
            if (isFinished()) {
                return;
            }
            endInfo = info.withMergedAttributes(trailerAttributes);
            var total = info.totalLength();
            if (!reason.isEmpty()) {
                failLocked(new DataStreamException(
                        DataStreamException.Reason.ABNORMAL_END,
                        "stream " + info.id() + " closed abnormally: " + reason));
            } else if (!early.isEmpty()) {
                failLocked(new DataStreamException(
                        DataStreamException.Reason.INCOMPLETE,
                        "stream " + info.id() + " ended with chunk " + nextIndex + " missing"));
            } else if (total.isPresent() && total.getAsLong() > 0 && received < total.getAsLong()) {
                failLocked(new DataStreamException(
                        DataStreamException.Reason.INCOMPLETE,
                        "stream " + info.id() + " ended after " + received + " of " + total.getAsLong() + " bytes"));
            } else {
                ended = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void fail(DataStreamException failure) {
        lock.lock();
        try {
            if (!isFinished()) {
                failLocked(failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reader side: the next chunk in order, or null at the normal end; blocks until one is there.
     *
     * @throws DataStreamException if the stream failed or the reader was closed
     */
    byte @Nullable [] take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (discarded) {
                    throw new DataStreamException(
                            DataStreamException.Reason.CLOSED, "reader of stream " + info.id() + " is closed");
                }
                if (failure != null) {
                    reachEnd();
                    throw failure;
                }
                byte[] chunk = ready.poll();
                if (chunk != null) {
                    return chunk;
                }
                if (ended) {
                    reachEnd();
                    return null;
                }
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void reachEnd() {
        if (endInfo != null) {
            info = endInfo;
        }
    }

    /** Reader side: stop reading; buffered and later chunks are dropped. */
    void discard() {
        lock.lock();
        try {
            discarded = true;
            ready.clear();
            early.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean isFinished() {
        return ended || discarded || failure != null;
    }

    private void failLocked(DataStreamException failure) {
        this.failure = failure;
        ready.clear();
        early.clear();
        changed.signalAll();
    }
}
