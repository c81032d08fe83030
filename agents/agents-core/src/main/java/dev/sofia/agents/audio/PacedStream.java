package dev.sofia.agents.audio;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One stream on an {@link AudioPacer}: a source polled and a sink fed once per 10 ms deadline.
 * Created by {@link AudioPacer#add}; {@link #close()} takes it off the clock. Counters are safe to
 * read from any thread.
 */
public final class PacedStream implements AutoCloseable {

    private final AudioPacer pacer;
    private final String name;
    private final Supplier<AudioFrame> source;
    private final Consumer<AudioFrame> sink;
    private final AudioFrame silence;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong lateTicks = new AtomicLong();
    private final AtomicLong filledTicks = new AtomicLong();
    private final AtomicLong skippedTicks = new AtomicLong();
    private volatile boolean closed;

    PacedStream(
            AudioPacer pacer, String name, Supplier<AudioFrame> source, Consumer<AudioFrame> sink, AudioFrame silence) {
        if (!silence.is10ms()) {
            throw new IllegalArgumentException("silence must be one 10 ms frame: " + silence);
        }
        this.pacer = pacer;
        this.name = name;
        this.source = source;
        this.sink = sink;
        this.silence = silence;
    }

    public String name() {
        return name;
    }

    /** Frames taken from the source and offered to the sink. */
    public long ticks() {
        return ticks.get();
    }

    /** Frames delivered more than one frame period after their deadline. */
    public long lateTicks() {
        return lateTicks.get();
    }

    /** Deadlines served with silence after a stall, keeping the timeline (the source waited). */
    public long filledTicks() {
        return filledTicks.get();
    }

    /** Deadlines given up after a stall longer than the fill limit (nothing was sent for them). */
    public long skippedTicks() {
        return skippedTicks.get();
    }

    /** Takes the stream off the clock; once this returns, the sink is not called again. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pacer.remove(this);
        }
    }

    void tick(boolean late) {
        if (closed) {
            return;
        }
        try {
            sink.accept(source.get());
        } catch (RuntimeException e) {
            AudioPacer.logFailure(name, e);
        }
        ticks.incrementAndGet();
        if (late) {
            lateTicks.incrementAndGet();
        }
    }

    void fill() {
        if (closed) {
            return;
        }
        try {
            sink.accept(silence);
        } catch (RuntimeException e) {
            AudioPacer.logFailure(name, e);
        }
        filledTicks.incrementAndGet();
    }

    void skipped(long deadlines) {
        skippedTicks.addAndGet(deadlines);
    }
}
