package dev.sofia.agents.provider;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a stream's provider reads: the items pushed, and the markers {@link #FLUSH} (end of a
 * segment: an utterance, a sentence to speak) and {@link #END} (no more input).
 */
public interface StreamInput<I> {

    /** Marks the end of a segment; what is buffered should be finished now. */
    Object FLUSH = new Object() {
        @Override
        public String toString() {
            return "FLUSH";
        }
    };

    /** No more input will come; returned again on every later call. */
    Object END = new Object() {
        @Override
        public String toString() {
            return "END";
        }
    };

    /** The next item (of type {@code I}), {@link #FLUSH} or {@link #END}; waits for one. */
    Object next() throws InterruptedException;

    /** Like {@link #next()}, but {@code null} if nothing arrives within {@code timeout}. */
    @Nullable
    Object poll(Duration timeout) throws InterruptedException;

    /** Whether an item is an input item rather than a marker. */
    static boolean isData(Object item) {
        return item != FLUSH && item != END;
    }
}
