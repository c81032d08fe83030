package dev.sofia.agents.provider;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects a provider's events for assertions. */
public final class RecordingListener implements ProviderListener {

    private final List<ProviderEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ProviderEvent event) {
        events.add(event);
    }

    public List<ProviderEvent> events() {
        return List.copyOf(events);
    }

    public <E extends ProviderEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
