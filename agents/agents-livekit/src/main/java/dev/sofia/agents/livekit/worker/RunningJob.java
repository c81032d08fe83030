package dev.sofia.agents.livekit.worker;

import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.RoomOptions;
import java.time.Duration;
import livekit.LivekitAgent.Job;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One assigned job on its own virtual thread: join the room, report JS_RUNNING, run the entrypoint,
 * then hooks, leave, and report the end to the worker. See {@link JobContext} for the shutdown order.
 */
final class RunningJob {

    private static final Logger log = LoggerFactory.getLogger(RunningJob.class);

    /** What the job tells its worker. */
    interface Owner {
        void jobRunning(RunningJob job);

        void jobJoined(RunningJob job, Duration sinceOffer);

        /** @param error null for JS_SUCCESS, else the JS_FAILED error */
        void jobEnded(RunningJob job, @Nullable String error);
    }

    private final Job job;
    private final String url;
    private final String token;
    private final long offeredAtNanos;
    private final RoomOptions roomOptions;
    private final JobEntrypoint entrypoint;
    private final Owner owner;
    private final JobContext context;
    private final Thread thread;

    RunningJob(
            Job job,
            String workerId,
            String url,
            String token,
            long offeredAtNanos,
            RoomOptions roomOptions,
            JobEntrypoint entrypoint,
            Owner owner) {
        this.job = job;
        this.url = url;
        this.token = token;
        this.offeredAtNanos = offeredAtNanos;
        this.roomOptions = roomOptions;
        this.entrypoint = entrypoint;
        this.owner = owner;
        this.context = new JobContext(job, workerId, this::terminate);
        this.thread = Thread.ofVirtual().name("sofia-job-" + job.getId()).unstarted(this::run);
    }

    String id() {
        return job.getId();
    }

    JobContext context() {
        return context;
    }

    void start() {
        thread.start();
    }

    /** Asks the job to end: its thread is interrupted once; the thread does the rest. */
    void terminate(String reason) {
        if (context.requestShutdown(reason)) {
            log.info("job {} shutting down: {}", id(), reason);
            thread.interrupt();
        }
    }

    boolean join(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    boolean isDone() {
        return !thread.isAlive();
    }

    /** For a job that ignored {@link #terminate}: leaves its room under it. */
    void forceLeave() {
        Room room = context.roomOrNull();
        if (room != null && room.isConnected()) {
            log.warn("job {} did not end in time after its shutdown; leaving its room under it", id());
            room.disconnect();
        }
    }

    private void run() {
        MDC.put("jobId", job.getId());
        MDC.put("room", job.getRoom().getName());
        String error = null;
        Room room = null;
        try {
            room = Room.connect(url, token, roomOptions, context::onRoomEvent);
            context.attach(room);
            owner.jobJoined(this, Duration.ofNanos(System.nanoTime() - offeredAtNanos));
            if (!room.isConnected()) {
                terminate("room disconnected");
            }
            owner.jobRunning(this);
            log.info(
                    "job {} joined room {} as {}",
                    id(),
                    room.name(),
                    room.localParticipant().identity());
            if (!context.isShuttingDown()) {
                entrypoint.run(context);
            }
        } catch (InterruptedException e) {
            if (!context.isShuttingDown()) {
                error = "interrupted";
            }
        } catch (Throwable t) {
            if (room == null && !context.isShuttingDown()) {
                error = "could not join the room: " + t.getMessage();
                log.warn("job {} could not join room {}", id(), job.getRoom().getName(), t);
            } else if (!context.isShuttingDown()) {
                error = t.getClass().getSimpleName() + ": " + t.getMessage();
                log.error("job {} failed", id(), t);
            } else {
                log.debug("job {} ended during shutdown with {}", id(), t.toString());
            }
        } finally {
            // Hooks and the leave must not trip over an interrupt meant for the entrypoint.
            Thread.interrupted();
            context.requestShutdown(error == null ? "entrypoint returned" : "entrypoint failed");
            context.runShutdownHooks();
            if (room != null) {
                room.disconnect();
            }
            Thread.interrupted();
            owner.jobEnded(this, error);
            MDC.clear();
        }
    }
}
