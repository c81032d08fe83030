package dev.sofia.clinic.calls;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How open sessions are swept ({@code sofia.calls.*}).
 *
 * @param sweepInterval how often the sweeper runs
 * @param sweepGrace how old a session must be before the sweeper looks at it, so a room that is
 *     still being set up is not mistaken for one that is gone
 * @param maxDuration when LiveKit cannot be asked, sessions older than this are closed anyway
 */
@ConfigurationProperties("sofia.calls")
public record CallsProperties(
        @DefaultValue("PT1M") Duration sweepInterval,
        @DefaultValue("PT2M") Duration sweepGrace,
        @DefaultValue("PT4H") Duration maxDuration) {}
