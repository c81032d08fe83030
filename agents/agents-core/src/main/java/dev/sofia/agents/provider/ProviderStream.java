package dev.sofia.agents.provider;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A streaming provider call: input pushed by the caller, output read by the caller, and the
 * provider's transport in between, running on a virtual thread of its own.
 *
 * <p>Lifecycle. Created and started by the role's factory ({@code Stt.stream()}, {@code
 * Llm.chat(…)}, {@code Tts.stream()}): the transport ({@link #run}) starts at once. Input: the
 * role's push method ({@code pushFrame}, {@code pushText}), {@link #flush()} to end a segment,
 * {@link #endInput()} when nothing more comes; pushing after {@code endInput()} or {@code close()}
 * throws {@link IllegalStateException}. Output: {@link #next()} blocks for the next item and returns
 * {@code null} once the stream is finished; if the provider failed for good it throws that {@link
 * ProviderException} instead (again on every later call). {@link #close()} cancels: the transport
 * thread is interrupted, {@link #onClose()} releases what an interrupt cannot (a socket, a process),
 * buffered output is discarded and {@code next()} returns {@code null}.
 *
 * <p>Retries (the template's job, not the plugin's): when {@link #run} throws a retryable {@link
 * ProviderException}, it is run again after the options' interval, up to {@code maxRetries} times,
 * with the input that has not been consumed yet — unless output was already delivered and the role
 * says a retry would repeat it ({@link #retryAfterOutput()}: an LLM answer or TTS audio cannot be
 * half-repeated; speech recognition can go on). Each failure is reported to the provider's
 * listeners.
 *
 * <p>Threading: input methods and {@code close()} may be called from any thread; {@code next()}
 * from one consumer thread. {@code run} runs on the stream's own virtual thread and may start more
 * (e.g. a WebSocket sender beside the receiver) as long as it waits for them.
 */
public abstract class ProviderStream<I, O> implements AutoCloseable {

    private static final Object OUTPUT_END = new Object();

    private final Provider provider;
    private final ConnectOptions options;
    private final LinkedBlockingQueue<Object> input = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Object> output = new LinkedBlockingQueue<>();
    private volatile boolean inputEnded;
    private volatile boolean closed;
    private volatile boolean emitted;
    private volatile @Nullable ProviderException failure;
    private volatile @Nullable Thread runner;

    protected ProviderStream(Provider provider, ConnectOptions options) {
        this.provider = provider;
        this.options = options;
    }

    /** The provider's transport: read {@code in}, write {@code out}, return when the input ended. */
    protected abstract void run(StreamInput<I> in, Consumer<O> out) throws Exception;

    /** Whether a failed run may be retried after output was delivered; {@code false} by default. */
    protected boolean retryAfterOutput() {
        return false;
    }

    /** Called on the stream's thread for each output item before the consumer sees it. */
    protected void onOutput(O item) {}

    /**
     * Called by {@link #close()} after the transport thread was interrupted: release what an
     * interrupt does not unblock (a socket, an HTTP call, a child process's pipe). Any thread;
     * must not block; may run while {@link #run} is still unwinding.
     */
    protected void onClose() {}

    /** Called once on the stream's thread when it is finished ({@code failure} if it failed). */
    protected void onFinished(@Nullable ProviderException failure, boolean cancelled) {}

    public final Provider provider() {
        return provider;
    }

    protected final ConnectOptions options() {
        return options;
    }

    /** Starts the transport; called once by the role's factory method. */
    protected final void start() {
        synchronized (this) {
            if (runner != null) {
                throw new IllegalStateException("stream already started");
            }
            runner = Thread.ofVirtual().name(provider.label() + "-stream").start(this::main);
        }
    }

    protected final void pushInput(I item) {
        requireOpenInput();
        input.add(item);
    }

    /** Ends the current segment: the provider finishes what it buffered (an utterance, a sentence). */
    public final void flush() {
        requireOpenInput();
        input.add(StreamInput.FLUSH);
    }

    /** No more input; the stream finishes once the provider has delivered the rest. */
    public final void endInput() {
        if (!inputEnded && !closed) {
            inputEnded = true;
            input.add(StreamInput.END);
        }
    }

    /**
     * The next output item, waiting for it; {@code null} when the stream is finished or closed.
     *
     * @throws ProviderException if the provider failed for good
     */
    public final @Nullable O next() throws InterruptedException {
        return unwrap(output.take());
    }

    /** Like {@link #next()}, but also {@code null} when nothing came within {@code timeout}. */
    public final @Nullable O poll(Duration timeout) throws InterruptedException {
        Object item = output.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return item == null ? null : unwrap(item);
    }

    /** Whether the stream ended (all output delivered, failed or closed) and next() returns at once. */
    public final boolean isFinished() {
        return output.peek() == OUTPUT_END || closed;
    }

    /** Cancels the stream: the transport is interrupted and no more output is delivered. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        inputEnded = true;
        output.clear();
        output.add(OUTPUT_END);
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
        onClose();
    }

    public final boolean isClosed() {
        return closed;
    }

    @SuppressWarnings("unchecked")
    private @Nullable O unwrap(Object item) {
        if (closed) {
            // An item the transport delivered while close() ran may sit behind the end marker.
            output.clear();
            output.add(OUTPUT_END);
            return null;
        }
        if (item == OUTPUT_END) {
            output.add(OUTPUT_END); // stay finished for later calls
            ProviderException failed = failure;
            if (failed != null && !closed) {
                throw failed;
            }
            return null;
        }
        return (O) item;
    }

    private void requireOpenInput() {
        if (inputEnded || closed) {
            throw new IllegalStateException("input of this " + provider.label() + " stream has ended");
        }
    }

    private void main() {
        ProviderException failed = null;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    run(inputView, this::deliver);
                    break;
                } catch (InterruptedException e) {
                    break; // closed
                } catch (Exception | Error e) {
                    // An Error (e.g. a class that failed to initialise) must fail the stream, not end
                    // it as an empty success; the JVM's own distress (out of memory) is passed on.
                    if (e instanceof VirtualMachineError vmError) {
                        throw vmError;
                    }
                    if (closed) {
                        break;
                    }
                    ProviderException error = ProviderException.unexpected(provider.label(), e);
                    boolean retrying =
                            error.retryable() && attempt <= options.maxRetries() && (!emitted || retryAfterOutput());
                    provider.reportError(error, retrying, attempt);
                    if (!retrying) {
                        failed = error;
                        break;
                    }
                    Thread.sleep(options.retryInterval());
                }
            }
        } catch (InterruptedException e) {
            // closed while waiting to retry
        } finally {
            failure = failed;
            try {
                onFinished(failed, closed);
            } finally {
                output.add(OUTPUT_END);
            }
        }
    }

    private final StreamInput<I> inputView = new StreamInput<>() {
        @Override
        public Object next() throws InterruptedException {
            return nextInput();
        }

        @Override
        public @Nullable Object poll(Duration timeout) throws InterruptedException {
            Object item = input.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (item == StreamInput.END) {
                input.add(StreamInput.END);
            }
            return item;
        }
    };

    private Object nextInput() throws InterruptedException {
        Object item = input.take();
        if (item == StreamInput.END) {
            input.add(StreamInput.END); // every later read sees the end too
        }
        return item;
    }

    private void deliver(O item) {
        if (closed) {
            return;
        }
        emitted = true;
        onOutput(item);
        output.add(item);
    }
}
