package dev.sofia.clinic.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock tests can set, so "now", notice and horizon are fixed. Starts at the real time. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock extends Clock {

    private volatile Instant now = Instant.now();
    /** Whether the clock runs with real time (see {@link #runReal()}) instead of standing still. */
    private volatile boolean real;

    @Bean
    @Primary
    Clock testClock() {
        return this;
    }

    public void set(Instant instant) {
        this.now = instant;
        this.real = false;
    }

    /** Stands still at the real time now. */
    public void reset() {
        set(Instant.now());
    }

    /**
     * Runs with real time until the next {@link #set} or {@link #reset}: for tests where the order of
     * things the app time-stamps matters (calls arriving one after the other).
     */
    public void runReal() {
        this.real = true;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Clock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return real ? Instant.now() : now;
    }
}
