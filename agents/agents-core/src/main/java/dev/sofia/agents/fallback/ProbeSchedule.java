package dev.sofia.agents.fallback;

import java.time.Duration;

/**
 * How often an unavailable provider is probed: first after {@code first}, then at twice the
 * previous interval, at most {@code max} apart, so a provider that stays down costs little.
 */
public record ProbeSchedule(Duration first, Duration max) {

    /** 5 s, 10 s, 20 s, … up to 5 minutes. */
    public static final ProbeSchedule DEFAULT = new ProbeSchedule(Duration.ofSeconds(5), Duration.ofMinutes(5));

    public ProbeSchedule {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max: " + first + ", " + max);
        }
    }

    /** The interval after {@code previous}. */
    public Duration next(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
