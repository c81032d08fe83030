package dev.sofia.agents.llm;

import dev.sofia.agents.provider.ProviderEvent;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One completion: time to the first text or tool call ({@code null} if none came), total time,
 * tokens, and whether it was cancelled (e.g. the caller went on speaking).
 */
public record LlmMetrics(
        String provider,
        @Nullable String requestId,
        @Nullable Duration timeToFirstToken,
        Duration duration,
        @Nullable CompletionUsage usage,
        boolean cancelled,
        Instant at)
        implements ProviderEvent {}
