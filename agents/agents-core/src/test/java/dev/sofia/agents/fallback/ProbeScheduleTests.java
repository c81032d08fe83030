package dev.sofia.agents.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeScheduleTests {

    @Test
    void intervalsDoubleUpToTheMaximum() {
        ProbeSchedule schedule = new ProbeSchedule(Duration.ofSeconds(5), Duration.ofSeconds(30));
        Duration interval = schedule.first();
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            seen.append(interval.toSeconds()).append(' ');
            interval = schedule.next(interval);
        }
        assertThat(seen.toString().strip()).isEqualTo("5 10 20 30 30");
    }

    @Test
    void nonsenseIsRejected() {
        assertThatThrownBy(() -> new ProbeSchedule(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeSchedule(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
