package dev.sofia.agents.provider;

import org.jspecify.annotations.Nullable;

/**
 * A provider call failed. {@link #retryable()} says whether trying again may help (a dropped
 * connection, a timeout, 429, 5xx) or not (401, 403, 400: the request or the credentials are wrong),
 * which is what retries and fallback adapters decide on. Messages never carry credentials.
 */
public class ProviderException extends RuntimeException {

    private final String provider;
    private final boolean retryable;

    public ProviderException(String provider, String message, boolean retryable, @Nullable Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.retryable = retryable;
    }

    public ProviderException(String provider, String message, boolean retryable) {
        this(provider, message, retryable, null);
    }

    /** The provider's label, e.g. {@code deepgram.stt}. */
    public String provider() {
        return provider;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Wraps what a plugin threw that is not a provider exception: a bug, so not retried. */
    public static ProviderException unexpected(String provider, Throwable cause) {
        if (cause instanceof ProviderException e) {
            return e;
        }
        return new ProviderException(provider, "unexpected " + cause, false, cause);
    }
}
