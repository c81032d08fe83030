package dev.sofia.agents.tts;

import dev.sofia.agents.provider.ProviderEvent;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One synthesis (a one-shot text, or a stream's segment): time to the first audio byte ({@code
 * null} if none came), total time, characters spoken, audio produced, and whether it was cancelled.
 */
public record TtsMetrics(
        String provider,
        @Nullable String segmentId,
        @Nullable Duration timeToFirstByte,
        Duration duration,
        int characters,
        Duration audioDuration,
        boolean cancelled,
        Instant at)
        implements ProviderEvent {}
