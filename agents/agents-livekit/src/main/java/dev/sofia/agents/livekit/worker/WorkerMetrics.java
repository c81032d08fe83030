package dev.sofia.agents.livekit.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * The worker's meters, tagged {@code agent=<agent name>}: gauges {@code sofia.worker.jobs.active}
 * and {@code sofia.worker.load}, counters {@code sofia.worker.jobs.accepted}, {@code .declined},
 * {@code .failed}, and the timer {@code sofia.worker.dispatch.join} (availability request received →
 * room connected). Removed from the registry when the worker closes.
 */
final class WorkerMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter declined;
    private final Counter failed;
    private final Timer dispatchToJoin;
    private final List<Meter> meters;

    WorkerMetrics(MeterRegistry registry, String agentName, AgentWorker worker) {
        this.registry = registry;
        String agent = agentName.isEmpty() ? "(automatic)" : agentName;
        Gauge active = Gauge.builder("sofia.worker.jobs.active", worker, AgentWorker::activeJobs)
                .description("jobs assigned and not ended, plus accepted offers awaiting assignment")
                .tag("agent", agent)
                .register(registry);
        Gauge load = Gauge.builder("sofia.worker.load", worker, AgentWorker::load)
                .description("how full the worker is: max(CPU / CPU threshold, active jobs / max jobs)")
                .tag("agent", agent)
                .register(registry);
        accepted = Counter.builder("sofia.worker.jobs.accepted")
                .description("job offers accepted")
                .tag("agent", agent)
                .register(registry);
        declined = Counter.builder("sofia.worker.jobs.declined")
                .description("job offers declined (full, CPU over threshold or draining)")
                .tag("agent", agent)
                .register(registry);
        failed = Counter.builder("sofia.worker.jobs.failed")
                .description("jobs that ended with JS_FAILED (room join failed or the entrypoint threw)")
                .tag("agent", agent)
                .register(registry);
        dispatchToJoin = Timer.builder("sofia.worker.dispatch.join")
                .description("from the availability request to the job's room being connected")
                .tag("agent", agent)
                .register(registry);
        meters = List.of(active, load, accepted, declined, failed, dispatchToJoin);
    }

    void accepted() {
        accepted.increment();
    }

    void declined() {
        declined.increment();
    }

    void failed() {
        failed.increment();
    }

    void joined(Duration sinceOffer) {
        dispatchToJoin.record(sinceOffer);
    }

    void remove() {
        meters.forEach(registry::remove);
    }
}
