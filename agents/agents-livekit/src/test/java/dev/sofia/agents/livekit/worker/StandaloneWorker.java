package dev.sofia.agents.livekit.worker;

import dev.sofia.agents.livekit.RemoteParticipant;
import dev.sofia.agents.livekit.RoomOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A standalone worker for {@link WorkerShutdownIntegrationTests}, run in a child JVM: args {@code url
 * apiKey apiSecret agentName}. Each job waits for its caller, then stays until the caller leaves.
 * Prints {@code REGISTERED}, {@code STATE <state>} on every change, {@code JOB_STARTED <id>} and {@code
 * JOB_FINISHED <id>} lines; drains on SIGTERM.
 */
final class StandaloneWorker {

    private StandaloneWorker() {}

    public static void main(String[] args) throws InterruptedException {
        WorkerOptions options = WorkerOptions.builder(args[0], args[1], args[2])
                .agentName(args[3])
                .cpuLoad(() -> 0)
                .roomOptions(RoomOptions.defaults().withServerIceServers(false))
                .build();
        AgentWorker worker = AgentWorker.start(options, ctx -> {
            RemoteParticipant caller = ctx.waitForParticipant(Duration.ofMinutes(1));
            System.out.println("JOB_STARTED " + ctx.jobId());
            while (ctx.room().remoteParticipants().containsKey(caller.identity())) {
                Thread.sleep(20);
            }
            System.out.println("JOB_FINISHED " + ctx.jobId());
        });
        worker.drainOnShutdown(Duration.ofMinutes(1));
        // Printed by a thread of its own: logging may already be shut down while the hook drains.
        Thread.ofPlatform().daemon().start(() -> {
            WorkerState printed = null;
            while (true) {
                WorkerState state = worker.state();
                if (state != printed) {
                    System.out.println("STATE " + state);
                    printed = state;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        if (worker.awaitRegistered(Duration.ofSeconds(30))) {
            System.out.println("REGISTERED " + worker.workerId());
        }
        new CountDownLatch(1).await(); // until SIGTERM
    }
}
