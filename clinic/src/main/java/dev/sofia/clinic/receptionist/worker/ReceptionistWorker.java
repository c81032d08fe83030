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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The agent worker inside the app (roles {@code all} and {@code worker}): registers with LiveKit
 * under the agent name calls are dispatched to and runs {@link ReceptionistJob} for every call.
 * Starts once the app is ready (the local LiveKit server, if any, is up by then); on shutdown it
 * drains — running calls finish, no new ones are taken.
 */
@Component
class ReceptionistWorker {

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

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.runsWorker()) {
            log.info("Role {}: no agent worker in this process", properties.role());
            return;
        }
        WorkerOptions options = WorkerOptions.builder(connection.url(), connection.apiKey(), connection.apiSecret())
                .agentName(agentName)
                .maxJobs(properties.maxCalls())
                .loadThreshold(
                        properties.workerLoadThreshold() == null
                                ? Double.POSITIVE_INFINITY
                                : properties.workerLoadThreshold())
                .meterRegistry(meters)
                .build();
        worker = AgentWorker.start(options, job);
        log.info("Agent worker started for agent {}", agentName);
    }

    /** The running worker, if this process runs one. */
    @Nullable
    AgentWorker worker() {
        return worker;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        AgentWorker running = worker;
        if (running != null) {
            running.drain(DRAIN_TIMEOUT);
            running.close();
        }
    }
}
