package dev.sofia.agents.livekit.worker;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential (initial × 2^attempt, capped) with "equal jitter" — half the delay
 * fixed, half random — so many workers cut off together do not reconnect in lockstep. Not
 * thread-safe; the worker's connection loop owns it.
 */
final class Backoff {

    private final long initialNanos;
    private final long maxNanos;
    private final RandomGenerator random;
    private int attempt;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max " + max + " is below initial " + initial);
        }
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more failed attempt. */
    Duration next() {
        long base = initialNanos;
        for (int i = 0; i < attempt && base < maxNanos; i++) {
            base *= 2;
        }
        base = Math.min(base, maxNanos);
        attempt++;
        long half = base / 2;
        return Duration.ofNanos(half + random.nextLong(base - half + 1));
    }

    /** After a successful connection: the next delay starts from the initial one again. */
    void reset() {
        attempt = 0;
    }

    int attempts() {
        return attempt;
    }
}
