package dev.sofia.agents.fallback;

import dev.sofia.agents.provider.ProviderEvent;
import dev.sofia.agents.provider.ProviderException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A fallback adapter ({@code provider}) stopped using one of its providers ({@code target}) after
 * it failed for good ({@code cause}), or uses it again because it answered a probe or a call.
 */
public record AvailabilityChanged(
        String provider,
        String target,
        boolean available,
        @Nullable ProviderException cause,
        Instant at) implements ProviderEvent {}
