package dev.sofia.agents.stt;

import dev.sofia.agents.provider.ProviderEvent;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recognition: how much audio went in, how long it took (a stream: its whole life), and for a
 * one-shot call the latency the caller waited.
 */
public record SttMetrics(
        String provider,
        @Nullable String requestId,
        Duration audioDuration,
        Duration duration,
        boolean streamed,
        Instant at)
        implements ProviderEvent {}
