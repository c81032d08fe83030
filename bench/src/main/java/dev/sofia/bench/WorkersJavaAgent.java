package dev.sofia.bench;

import dev.sofia.agents.livekit.RoomOptions;
import dev.sofia.agents.livekit.worker.AgentWorker;
import dev.sofia.agents.livekit.worker.WorkerOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Java side of the workers benchmark, run by {@link WorkersBenchmark} in a JVM of its own so that
 * its resident set and CPU time are only the worker's: an {@link AgentWorker} with the given agent
 * name whose entrypoint does nothing but wait, in the room the worker has already joined (audio
 * subscribed, the room client's default), until the job is shut down (room deleted, dispatch
 * deleted, worker closed). Args: {@code url apiKey apiSecret agentName}.
 *
 * <p>Talks to the driver over stdout and stdin: prints {@code REGISTERED <workerId>}; on a {@code gc}
 * line, runs a full GC and prints {@code HEAP <bytes used>} (the live heap) and {@code JOBS <active>};
 * on {@code quit} or the end of its stdin, closes the worker and exits.
 */
public final class WorkersJavaAgent {

    private WorkersJavaAgent() {}

    public static void main(String[] args) throws Exception {
        RoomsLogging.quiet();
        WorkerOptions options = WorkerOptions.builder(args[0], args[1], args[2])
                .agentName(args[3])
                // Enough slots for every idle job the benchmark holds; load 0 and no threshold, as for
                // the Python worker: on a busy shared machine the system CPU can reach 1.0, at which
                // the server offers a worker nothing and the dispatch is lost (see WorkersBenchmark).
                .maxJobs(1000)
                .cpuLoad(() -> 0)
                .loadThreshold(Double.POSITIVE_INFINITY)
                .roomOptions(RoomOptions.defaults())
                .meterRegistry(new SimpleMeterRegistry())
                .build();
        AgentWorker worker = AgentWorker.start(options, ctx -> ctx.awaitShutdown());
        serve(worker);
    }

    /**
     * Waits for the worker to register, then answers the driver on stdin ({@code gc}: heap and jobs;
     * {@code quit}) until it quits or goes away, and exits the JVM. Shared with {@link VoiceJavaAgent}.
     */
    static void serve(AgentWorker worker) throws InterruptedException {
        if (!worker.awaitRegistered(Duration.ofSeconds(30))) {
            System.out.println("FAILED not registered within 30 s: " + worker.state());
            System.exit(1);
        }
        System.out.println("REGISTERED " + worker.workerId());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("gc")) {
                    System.gc();
                    System.gc();
                    System.out.println("HEAP "
                            + ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed());
                    System.out.println("JOBS " + worker.activeJobs());
                } else if (line.equals("quit")) {
                    break;
                }
            }
        } catch (IOException e) {
            // the driver is gone
        }
        worker.close();
        System.exit(0);
    }
}
