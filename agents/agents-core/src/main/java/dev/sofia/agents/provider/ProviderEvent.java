package dev.sofia.agents.provider;

import java.time.Instant;

/** Something a provider reports to its listeners: an error, or metrics of one request. */
public interface ProviderEvent {

    /** The provider's label. */
    String provider();

    Instant at();
}
