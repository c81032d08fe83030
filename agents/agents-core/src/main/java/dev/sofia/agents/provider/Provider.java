package dev.sofia.agents.provider;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every STT, LLM, TTS and VAD shares: a label for logs and metrics ({@code openai.llm}), the
 * connect options, listeners for errors and metrics, and the retry loop. The role base classes
 * ({@code Stt}, {@code Llm}, {@code Tts}, {@code Vad}) are template methods on top: they own retries,
 * metrics and error events, and a plugin implements only the transport.
 */
public abstract class Provider {

    private static final Logger log = LoggerFactory.getLogger(Provider.class);

    private final String label;
    private final List<ProviderListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ConnectOptions connectOptions = ConnectOptions.DEFAULT;

    protected Provider(String label) {
        if (label.isBlank()) {
            throw new IllegalArgumentException("a provider needs a label");
        }
        this.label = label;
    }

    /** E.g. {@code deepgram.stt}; names the provider in logs, metrics and errors. */
    public final String label() {
        return label;
    }

    public ConnectOptions connectOptions() {
        return connectOptions;
    }

    public void setConnectOptions(ConnectOptions options) {
        this.connectOptions = options;
    }

    public final void addListener(ProviderListener listener) {
        listeners.add(listener);
    }

    public final void removeListener(ProviderListener listener) {
        listeners.remove(listener);
    }

    /** Hands an event to every listener; a failing listener is logged, never the caller's problem. */
    protected final void report(ProviderEvent event) {
        for (ProviderListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("{}: listener failed on {}", label, event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Reports a failure and logs it (without the stack trace when it will be retried). */
    protected final void reportError(ProviderException error, boolean retrying, int attempt) {
        if (retrying) {
            log.warn("{}: attempt {} failed, retrying: {}", label, attempt, error.getMessage());
        } else {
            log.warn("{}: failed after {} attempt(s): {}", label, attempt, error.getMessage());
        }
        report(new ProviderError(label, error, retrying, attempt, Instant.now()));
    }

    /**
     * Runs a one-shot call with the retries of {@code options}: retryable failures are tried again
     * after {@code retryInterval}, others (and the last one) are thrown.
     */
    protected final <T> T callWithRetries(ConnectOptions options, Callable<T> call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                ProviderException error = ProviderException.unexpected(label, e);
                boolean retrying = error.retryable() && attempt <= options.maxRetries();
                reportError(error, retrying, attempt);
                if (!retrying) {
                    throw error;
                }
                Thread.sleep(options.retryInterval());
            }
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
