package dev.sofia.clinic.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallLimitsTests {

    @Test
    void theDefaultIsFifteenMinutesAndTenCalls() {
        assertThat(CallLimits.DEFAULT.maxCallDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(CallLimits.DEFAULT.maxCallMinutes()).isEqualTo(15);
        assertThat(CallLimits.DEFAULT.maxConcurrentCalls()).isEqualTo(10);
    }

    @Test
    void theBoundsAreAccepted() {
        assertThat(CallLimits.of(1, 1).maxCallDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(CallLimits.of(120, 500).maxConcurrentCalls()).isEqualTo(500);
    }

    @Test
    void valuesOutsideTheRangesOrPartMinutesAreRefused() {
        assertThatThrownBy(() -> CallLimits.of(0, 10)).hasMessageContaining("maxCallDuration");
        assertThatThrownBy(() -> CallLimits.of(121, 10)).hasMessageContaining("maxCallDuration");
        assertThatThrownBy(() -> new CallLimits(Duration.ofSeconds(90), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole minutes");
        assertThatThrownBy(() -> new CallLimits(Duration.ofMinutes(-1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallLimits.of(15, 0)).hasMessageContaining("maxConcurrentCalls");
        assertThatThrownBy(() -> CallLimits.of(15, 501)).hasMessageContaining("maxConcurrentCalls");
        assertThatThrownBy(() -> new CallLimits(null, 10)).isInstanceOf(NullPointerException.class);
    }
}
