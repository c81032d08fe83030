package dev.sofia.agents.provider;

import java.time.Duration;

/**
 * How hard to try a provider: attempts after the first ({@code maxRetries}), the pause between
 * them, and the time a plugin allows for connecting or for the first answer. Only retryable
 * failures are retried ({@link ProviderException#retryable()}).
 */
public record ConnectOptions(int maxRetries, Duration retryInterval, Duration timeout) {

    /** 3 retries, 2 s apart, 10 s timeout (as livekit/agents). */
    public static final ConnectOptions DEFAULT = new ConnectOptions(3, Duration.ofSeconds(2), Duration.ofSeconds(10));

    public ConnectOptions {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
        }
        if (retryInterval.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("retryInterval must be ≥ 0 and timeout > 0");
        }
    }

    public ConnectOptions withMaxRetries(int retries) {
        return new ConnectOptions(retries, retryInterval, timeout);
    }

    public ConnectOptions withTimeout(Duration newTimeout) {
        return new ConnectOptions(maxRetries, retryInterval, newTimeout);
    }

    public ConnectOptions withRetryInterval(Duration interval) {
        return new ConnectOptions(maxRetries, interval, timeout);
    }
}
