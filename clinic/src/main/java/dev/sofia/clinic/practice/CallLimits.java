package dev.sofia.clinic.practice;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one call with Sofia may last and how many calls she answers at once for the practice.
 * Sofia ends a call politely when {@link #maxCallDuration()} is reached; the practice's inbound SIP
 * trunks carry it plus a minute of grace, after which livekit-sip ends the call whatever happens.
 *
 * @param maxCallDuration whole minutes, {@value #MIN_CALL_MINUTES} to {@value #MAX_CALL_MINUTES}
 * @param maxConcurrentCalls {@value #MIN_CONCURRENT_CALLS} to {@value #MAX_CONCURRENT_CALLS}
 */
public record CallLimits(Duration maxCallDuration, int maxConcurrentCalls) {

    public static final int MIN_CALL_MINUTES = 1;
    public static final int MAX_CALL_MINUTES = 120;
    public static final int MIN_CONCURRENT_CALLS = 1;
    public static final int MAX_CONCURRENT_CALLS = 500;

    /** What a practice has until it sets its own: 15 minutes, 10 calls at once. */
    public static final CallLimits DEFAULT = new CallLimits(Duration.ofMinutes(15), 10);

    /** @throws IllegalArgumentException when a value is outside its range or not whole minutes */
    public CallLimits {
        Objects.requireNonNull(maxCallDuration, "maxCallDuration");
        long minutes = maxCallDuration.toMinutes();
        if (!maxCallDuration.equals(Duration.ofMinutes(minutes))
                || minutes < MIN_CALL_MINUTES
                || minutes > MAX_CALL_MINUTES) {
            throw new IllegalArgumentException("maxCallDuration must be whole minutes between " + MIN_CALL_MINUTES
                    + " and " + MAX_CALL_MINUTES + ", not " + maxCallDuration);
        }
        if (maxConcurrentCalls < MIN_CONCURRENT_CALLS || maxConcurrentCalls > MAX_CONCURRENT_CALLS) {
            throw new IllegalArgumentException("maxConcurrentCalls must be between " + MIN_CONCURRENT_CALLS + " and "
                    + MAX_CONCURRENT_CALLS + ", not " + maxConcurrentCalls);
        }
    }

    /** The limits in the units the settings use. */
    public static CallLimits of(int maxCallMinutes, int maxConcurrentCalls) {
        return new CallLimits(Duration.ofMinutes(maxCallMinutes), maxConcurrentCalls);
    }

    /** {@link #maxCallDuration()} in whole minutes. */
    public int maxCallMinutes() {
        return (int) maxCallDuration.toMinutes();
    }
}
