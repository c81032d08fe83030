package dev.sofia.agents.livekit.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTests {

    @Test
    void delaysDoubleUpToTheCapWithHalfOfEachDelayRandom() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(42));
        long[] bases = {1, 2, 4, 8, 16, 30, 30, 30, 30, 30};
        for (long base : bases) {
            Duration delay = backoff.next();
            assertThat(delay)
                    .as("attempt %d", backoff.attempts())
                    .isBetween(Duration.ofSeconds(base).dividedBy(2), Duration.ofSeconds(base));
        }
        assertThat(backoff.attempts()).isEqualTo(bases.length);
    }

    @Test
    void jitterSpreadsWorkersThatFailTogether() {
        Set<Duration> firstDelays = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(seed));
            backoff.next();
            backoff.next();
            firstDelays.add(backoff.next());
        }
        assertThat(firstDelays).hasSizeGreaterThan(15);
    }

    @Test
    void resetStartsOverFromTheInitialDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), new Random(1));
        for (int i = 0; i < 12; i++) {
            backoff.next();
        }
        backoff.reset();
        assertThat(backoff.next()).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void manyAttemptsNeitherOverflowNorPassTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));
        for (int i = 0; i < 5; i++) {
            backoff.next(); // 1, 2, 4, 8, 16 s
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(backoff.next()).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    @Test
    void aCapBelowTheInitialDelayIsRejected() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
