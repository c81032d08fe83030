package dev.sofia.agents.provider;

/** Receives a provider's events, on the thread that produced them; must return quickly. */
@FunctionalInterface
public interface ProviderListener {

    void onEvent(ProviderEvent event);
}
