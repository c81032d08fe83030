package dev.sofia.clinic.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The calls settings as Spring binds them: defaults, and a retention outside 1-3650 days refused. */
class CallsPropertiesTests {

    @Test
    void theDefaultsKeepTranscriptsThirtyDaysAndPurgeHourly() {
        CallsProperties properties = bind(Map.of());

        assertThat(properties.transcriptRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.transcriptPurgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.sweepInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theRetentionIsReadInDays() {
        assertThat(bind(Map.of("sofia.calls.transcript-retention-days", "3650")).transcriptRetention())
                .isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void aRetentionOutsideTheRangeIsRefused() {
        for (String days : new String[] {"0", "3651", "-1"}) {
            assertThatThrownBy(() -> bind(Map.of("sofia.calls.transcript-retention-days", days)))
                    .as(days)
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessageContaining("from 1 to 3650");
        }
    }

    private static CallsProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("sofia.calls", CallsProperties.class);
    }
}
