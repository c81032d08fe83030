package dev.sofia.clinic.calls;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How open sessions are swept and how long transcripts are kept ({@code sofia.calls.*}).
 *
 * @param sweepInterval how often the sweeper runs
 * @param sweepGrace how old a session must be before the sweeper looks at it, so a room that is
 *     still being set up is not mistaken for one that is gone
 * @param maxDuration when LiveKit cannot be asked, sessions older than this are closed anyway
 * @param transcriptRetentionDays how many days after a call ended its transcript and summary are
 *     kept ({@code SOFIA_TRANSCRIPT_RETENTION_DAYS}, {@value #MIN_RETENTION_DAYS} to {@value
 *     #MAX_RETENTION_DAYS}; checked at start-up with the other variables, and here again for anyone
 *     setting the property directly)
 * @param transcriptPurgeInterval how often {@link TranscriptPurge} runs
 */
@ConfigurationProperties("sofia.calls")
public record CallsProperties(
        @DefaultValue("PT1M") Duration sweepInterval,
        @DefaultValue("PT2M") Duration sweepGrace,
        @DefaultValue("PT4H") Duration maxDuration,
        @DefaultValue("30") int transcriptRetentionDays,
        @DefaultValue("PT1H") Duration transcriptPurgeInterval) {

    static final int MIN_RETENTION_DAYS = 1;
    static final int MAX_RETENTION_DAYS = 3650;

    public CallsProperties {
        if (transcriptRetentionDays < MIN_RETENTION_DAYS || transcriptRetentionDays > MAX_RETENTION_DAYS) {
            throw new IllegalArgumentException("sofia.calls.transcript-retention-days must be from "
                    + MIN_RETENTION_DAYS + " to " + MAX_RETENTION_DAYS);
        }
    }

    public Duration transcriptRetention() {
        return Duration.ofDays(transcriptRetentionDays);
    }
}
