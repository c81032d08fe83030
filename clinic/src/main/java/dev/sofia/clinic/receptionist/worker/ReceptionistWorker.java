package dev.sofia.clinic.receptionist.worker;

import dev.sofia.agents.livekit.worker.AgentWorker;
import dev.sofia.agents.livekit.worker.WorkerOptions;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.livekit.AgentRooms;
import dev.sofia.clinic.livekit.LiveKitConnection;
import dev.sofia.clinic.receptionist.CallerRecognition;
import dev.sofia.clinic.receptionist.ReceptionistAgent;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.providers.ReceptionistProperties;
import dev.sofia.clinic.receptionist.providers.ReceptionistProviders;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The agent worker inside the app (roles {@code all} and {@code worker}): registers with LiveKit
 * under the agent name calls are dispatched to and runs {@link ReceptionistJob} for every call. A
 * lifecycle bean in the last phase: it starts after the local LiveKit server (if any) and stops
 * before it, draining — running calls finish, no new ones are taken. Stopped and started with the
 * server (e.g. when a test context is paused and resumed), it never waits out a reconnect backoff
 * against a server that is already back.
 */
@Component
class ReceptionistWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReceptionistWorker.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private final ReceptionistProperties properties;
    private final LiveKitConnection connection;
    private final String agentName;
    private final ReceptionistJob job;
    private final MeterRegistry meters;
    private volatile @Nullable AgentWorker worker;

    ReceptionistWorker(
            ReceptionistProperties properties,
            LiveKitConnection connection,
            AgentRooms agentRooms,
            ReceptionistAgent receptionist,
            ReceptionistServices services,
            ReceptionistProviders providers,
            CallSessions callSessions,
            CallerRecognition recognition,
            MeterRegistry meters) {
        this.properties = properties;
        this.connection = connection;
        this.agentName = agentRooms.agentName();
        this.meters = meters;
        this.job = new ReceptionistJob(receptionist, services, providers, callSessions, recognition, meters);
    }

    @Override
    public void start() {
        if (!properties.runsWorker()) {
            log.info("Role {}: no agent worker in this process", properties.role());
            return;
        }
        WorkerOptions.Builder options = WorkerOptions.builder(
                        connection.url(), connection.apiKey(), connection.apiSecret())
                .agentName(agentName)
                .maxJobs(properties.maxCalls())
                .meterRegistry(meters);
        if (properties.workerLoadThreshold() == null) {
            // A lone worker: LiveKit weighs workers by 1 - load and offers nothing to one at load 1,
            // which a busy CPU (a start-up, a JIT burst) reports for seconds. Its load is then only
            // its share of calls, and it declines only when it has its maximum.
            options.cpuLoad(() -> 0).loadThreshold(Double.POSITIVE_INFINITY);
        } else {
            options.loadThreshold(properties.workerLoadThreshold());
        }
        worker = AgentWorker.start(options.build(), job);
        log.info("Agent worker started for agent {}", agentName);
    }

    /** The running worker, if this process runs one. */
    @Nullable
    AgentWorker worker() {
        return worker;
    }

    @Override
    public void stop() {
        AgentWorker running = worker;
        worker = null;
        if (running != null) {
            running.drain(DRAIN_TIMEOUT);
            running.close();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Last: after the local LiveKit server ({@code LocalLiveKitServer.PHASE}) and the web server. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
