package dev.sofia.bench;

import dev.sofia.agents.livekit.RemoteParticipant;
import dev.sofia.agents.livekit.voice.RoomIo;
import dev.sofia.agents.livekit.worker.AgentWorker;
import dev.sofia.agents.livekit.worker.WorkerOptions;
import dev.sofia.agents.voice.AgentSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sofia's agent worker in the voice benchmark, run by {@link VoiceBenchmark} in a JVM of its own so
 * that its CPU time and memory are only the agent's: an {@link AgentWorker} whose entrypoint, as a
 * real agent's would, waits for the caller, opens {@link RoomIo} and runs an {@link AgentSession}
 * ({@link VoiceSofiaSession}) until the job ends. The fake providers' addresses come in the job's
 * metadata. Args: {@code url apiKey apiSecret agentName}.
 *
 * <p>Over stdout and stdin, as {@link WorkersJavaAgent}: prints {@code REGISTERED <workerId>}; on
 * {@code gc} prints {@code HEAP <live bytes after a full GC>} and {@code JOBS <active>}; {@code quit}
 * or the end of stdin closes the worker.
 */
public final class VoiceJavaAgent {

    private static final Map<String, VoiceSofiaSession.Providers> PROVIDERS = new ConcurrentHashMap<>();

    private VoiceJavaAgent() {}

    public static void main(String[] args) throws Exception {
        RoomsLogging.quiet();
        WorkerOptions options = WorkerOptions.builder(args[0], args[1], args[2])
                .agentName(args[3])
                // load 0 and no threshold, as for the Python worker (see WorkersJavaAgent)
                .maxJobs(1000)
                .cpuLoad(() -> 0)
                .loadThreshold(Double.POSITIVE_INFINITY)
                .roomOptions(RoomsSide.OPTIONS)
                .meterRegistry(new SimpleMeterRegistry())
                .build();
        AgentWorker worker = AgentWorker.start(options, ctx -> {
            VoiceSofiaSession.Providers providers =
                    PROVIDERS.computeIfAbsent(ctx.metadata(), VoiceSofiaSession::providers);
            RemoteParticipant caller = ctx.waitForParticipant(Duration.ofSeconds(60));
            RoomIo io = RoomIo.open(
                    ctx.room(), caller.identity(), 16_000, providers.tts().sampleRate());
            AgentSession session = VoiceSofiaSession.session(providers);
            session.start(VoiceSofiaSession.agent(), io.sessionIo());
            io.attach(session);
            ctx.addShutdownHook(() -> {
                session.close();
                io.close();
            });
            ctx.awaitShutdown();
        });
        WorkersJavaAgent.serve(worker);
    }
}
