package dev.sofia.agents.livekit.worker;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a worker's health, for health endpoints and probes.
 *
 * @param state the worker's state
 * @param registered whether the {@code /agent} socket is up and registered (also while draining)
 * @param workerId the id of the current registration; null before the first one
 * @param activeJobs jobs assigned and not yet ended (plus offers accepted and awaiting assignment)
 * @param load the load reported to the server, 0..1
 */
public record WorkerHealth(
        WorkerState state, boolean registered, @Nullable String workerId, int activeJobs, double load) {

    /** Healthy = registered with the server: it can receive and report jobs. */
    public boolean isHealthy() {
        return registered;
    }

    @Override
    public String toString() {
        return String.format(
                "state=%s registered=%s workerId=%s activeJobs=%d load=%.2f",
                state, registered, workerId, activeJobs, load);
    }
}
