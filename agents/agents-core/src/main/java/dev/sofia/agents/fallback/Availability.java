package dev.sofia.agents.fallback;

import dev.sofia.agents.provider.Provider;
import dev.sofia.agents.provider.ProviderEvent;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStream;
import dev.sofia.agents.provider.ProviderTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An adapter's providers in order, which of them are available, and the background probes that
 * bring a failed one back (one virtual thread per unavailable provider, ended by its recovery or
 * {@link #close()}). Thread-safe; events are reported under its lock (listeners return quickly).
 */
final class Availability<P extends Provider> implements AutoCloseable {

    /** A cheap call that returns only if the provider answers again. */
    @FunctionalInterface
    interface Probe<P> {
        void check(P provider) throws Exception;
    }

    /** One call to one provider. */
    @FunctionalInterface
    interface Call<P, R> {
        R call(P provider) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(Availability.class);

    private final String owner;
    private final List<P> providers;
    private final ProbeSchedule schedule;
    private final Probe<P> probe;
    private final Consumer<ProviderEvent> events;
    private final Map<P, State> states = new IdentityHashMap<>();
    private boolean closed;

    /** Guarded by the Availability. {@code outage} counts transitions so a stale probe stops. */
    private static final class State {
        boolean available = true;
        int outage;

        @Nullable
        Thread prober;
    }

    Availability(
            String owner, List<P> providers, ProbeSchedule schedule, Probe<P> probe, Consumer<ProviderEvent> events) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException(owner + " needs at least one provider");
        }
        this.owner = owner;
        this.providers = List.copyOf(providers);
        this.schedule = schedule;
        this.probe = probe;
        this.events = events;
        for (P provider : this.providers) {
            if (states.put(provider, new State()) != null) {
                throw new IllegalArgumentException(provider + " is listed twice");
            }
        }
    }

    List<P> providers() {
        return providers;
    }

    synchronized boolean isAvailable(P provider) {
        return states.get(provider).available;
    }

    /**
     * The providers to try, in order: the available ones, or all of them when none is, since a
     * call may find one back before its probe does.
     */
    synchronized List<P> attemptOrder() {
        List<P> up = new ArrayList<>();
        for (P provider : providers) {
            if (states.get(provider).available) {
                up.add(provider);
            }
        }
        return up.isEmpty() ? providers : up;
    }

    /** The provider to switch to after {@code failed}: the first of {@link #attemptOrder()} besides it. */
    @Nullable
    P nextAfter(P failed) {
        for (P provider : attemptOrder()) {
            if (provider != failed) {
                return provider;
            }
        }
        return null;
    }

    /** {@code provider} failed for good: use it no more until a probe or a call gets an answer. */
    void markFailed(P provider, ProviderException cause) {
        synchronized (this) {
            State state = states.get(provider);
            if (!state.available || closed) {
                return;
            }
            state.available = false;
            int outage = ++state.outage;
            state.prober = Thread.ofVirtual()
                    .name(owner + "-probe-" + provider.label())
                    .start(() -> probeUntilBack(provider, outage));
            log.warn("{}: {} is unavailable: {}", owner, provider.label(), cause.getMessage());
            // Under the lock, so listeners see the changes of one provider in their order.
            events.accept(new AvailabilityChanged(owner, provider.label(), false, cause, Instant.now()));
        }
    }

    /** {@code provider} answered (a probe or a call): it is available again. */
    void markAnswered(P provider) {
        synchronized (this) {
            State state = states.get(provider);
            if (state.available) {
                return;
            }
            state.available = true;
            state.outage++;
            Thread prober = state.prober;
            state.prober = null;
            if (prober != null && prober != Thread.currentThread()) {
                prober.interrupt();
            }
            log.info("{}: {} is available again", owner, provider.label());
            events.accept(new AvailabilityChanged(owner, provider.label(), true, null, Instant.now()));
        }
    }

    /** Calls the providers in order until one answers; the last failure if none does. */
    <R> R firstAnswer(Call<P, R> call) throws InterruptedException {
        ProviderException last = null;
        for (P provider : attemptOrder()) {
            try {
                R result = call.call(provider);
                markAnswered(provider);
                return result;
            } catch (ProviderException e) {
                markFailed(provider, e);
                last = e;
            }
        }
        throw last;
    }

    /**
     * Relays the output of a one-shot stream (a completion, a synthesis) from the first provider
     * that delivers it. A provider failing before its first item is replaced by the next, with the
     * same request; after it, the failure is the caller's, as another provider's answer would not
     * continue the one already delivered.
     */
    <T> void relayFirst(Function<P, ? extends ProviderStream<?, T>> open, Consumer<T> out) throws InterruptedException {
        ProviderException last = null;
        for (P provider : attemptOrder()) {
            boolean delivered = false;
            try (ProviderStream<?, T> stream = open.apply(provider)) {
                for (T item = stream.next(); item != null; item = stream.next()) {
                    delivered = true;
                    out.accept(item);
                }
                markAnswered(provider);
                return;
            } catch (ProviderException e) {
                markFailed(provider, e);
                if (delivered) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** For probes: waits for a stream's first item or its end; a timeout is a failure. */
    static void awaitAnswer(ProviderStream<?, ?> stream, Duration timeout) throws InterruptedException {
        if (stream.poll(timeout) == null && !stream.isFinished()) {
            throw new ProviderTimeoutException(stream.provider().label(), "probe", timeout);
        }
    }

    @Override
    public void close() {
        List<Thread> probers = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (State state : states.values()) {
                if (state.prober != null) {
                    probers.add(state.prober);
                }
            }
        }
        probers.forEach(Thread::interrupt);
    }

    private synchronized boolean stillDown(P provider, int outage) {
        State state = states.get(provider);
        return !closed && !state.available && state.outage == outage;
    }

    private void probeUntilBack(P provider, int outage) {
        Duration interval = schedule.first();
        try {
            while (true) {
                Thread.sleep(interval);
                if (!stillDown(provider, outage)) {
                    return;
                }
                try {
                    probe.check(provider);
                    markAnswered(provider);
                    return;
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    log.debug("{}: probe of {} failed: {}", owner, provider.label(), e.toString());
                }
                interval = schedule.next(interval);
            }
        } catch (InterruptedException e) {
            // recovered through a call, or the adapter closed
        }
    }
}
