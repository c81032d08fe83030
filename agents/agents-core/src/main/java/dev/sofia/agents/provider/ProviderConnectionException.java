package dev.sofia.agents.provider;

import org.jspecify.annotations.Nullable;

/** The connection could not be made or broke mid-stream; retryable. */
public class ProviderConnectionException extends ProviderException {

    public ProviderConnectionException(String provider, String message, @Nullable Throwable cause) {
        super(provider, message, true, cause);
    }
}
