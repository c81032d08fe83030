package dev.sofia.agents.provider;

import java.time.Duration;

/** The provider did not answer within the configured time; retryable. */
public class ProviderTimeoutException extends ProviderException {

    public ProviderTimeoutException(String provider, String what, Duration after) {
        super(provider, what + " timed out after " + after.toMillis() + " ms", true);
    }
}
