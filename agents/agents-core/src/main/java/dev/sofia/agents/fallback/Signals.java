package dev.sofia.agents.fallback;

import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStream;
import dev.sofia.agents.provider.StreamInput;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one queue a switching stream adapter waits on: its own input, and the output of whichever
 * provider stream is current, each read by a virtual thread of its own. Output carries the
 * generation of the provider stream it came from, so what a replaced stream still says is ignored.
 * Handled on one thread, the adapter's state needs no locks.
 */
final class Signals implements AutoCloseable {

    sealed interface Signal permits Input, Output, Ended, Failed {}

    /** An input item, {@link StreamInput#FLUSH} or {@link StreamInput#END}. */
    record Input(Object item) implements Signal {}

    record Output(int generation, Object item) implements Signal {}

    /** The provider stream of this generation finished. */
    record Ended(int generation) implements Signal {}

    record Failed(int generation, ProviderException error) implements Signal {}

    @FunctionalInterface
    private interface Reader {
        void run() throws InterruptedException;
    }

    private final LinkedBlockingQueue<Signal> queue = new LinkedBlockingQueue<>();
    private final List<Thread> readers = new CopyOnWriteArrayList<>();

    /** Starts reading the adapter's input, up to and including its end. */
    void readInput(StreamInput<?> in) {
        start(() -> {
            Object item;
            do {
                item = in.next();
                queue.add(new Input(item));
            } while (item != StreamInput.END);
        });
    }

    /** Starts reading a provider stream's output. */
    void readOutput(int generation, ProviderStream<?, ?> stream) {
        start(() -> {
            try {
                for (Object item = stream.next(); item != null; item = stream.next()) {
                    queue.add(new Output(generation, item));
                }
                queue.add(new Ended(generation));
            } catch (ProviderException e) {
                queue.add(new Failed(generation, e));
            }
        });
    }

    Signal take() throws InterruptedException {
        return queue.take();
    }

    /** Stops the readers and waits for them, so none is left reading the adapter's input. */
    @Override
    public void close() {
        readers.forEach(Thread::interrupt);
        boolean interrupted = false;
        for (Thread reader : readers) {
            while (true) {
                try {
                    reader.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(Reader reader) {
        readers.add(Thread.ofVirtual().start(() -> {
            try {
                reader.run();
            } catch (InterruptedException e) {
                // closed
            }
        }));
    }
}
