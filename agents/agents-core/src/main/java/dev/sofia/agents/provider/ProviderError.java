package dev.sofia.agents.provider;

import java.time.Instant;

/**
 * A provider call failed; {@code retrying} when it will be tried again ({@code attempt} counts from
 * 1), otherwise the failure reached the caller.
 */
public record ProviderError(String provider, ProviderException error, boolean retrying, int attempt, Instant at)
        implements ProviderEvent {}
