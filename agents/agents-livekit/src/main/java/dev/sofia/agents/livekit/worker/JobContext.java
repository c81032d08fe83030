package dev.sofia.agents.livekit.worker;

import dev.sofia.agents.livekit.RemoteParticipant;
import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.RoomEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import livekit.LivekitAgent.Job;
import livekit.LivekitModels.ParticipantInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link JobEntrypoint} gets: the joined room, the job's ids and metadata, a way to wait for
 * the caller, and shutdown hooks.
 *
 * <p>Lifecycle: created when the server assigns the job; {@link #room()} is connected when the
 * entrypoint starts. Shutdown is requested once — by the server's termination, the worker closing or
 * draining past its timeout, the room disconnecting, {@link #shutdown(String)}, or the entrypoint
 * returning — and then the job thread is interrupted, the shutdown hooks run on the job thread in the
 * order added, and the room is left. The job thread carries the SLF4J MDC keys {@code jobId} and
 * {@code room}. Methods are thread-safe.
 */
public final class JobContext {

    private static final Logger log = LoggerFactory.getLogger(JobContext.class);

    private final Job job;
    private final String workerId;
    private final Consumer<String> shutdownRequester;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private @Nullable Room room;
    private @Nullable String shutdownReason;

    JobContext(Job job, String workerId, Consumer<String> shutdownRequester) {
        this.job = job;
        this.workerId = workerId;
        this.shutdownRequester = shutdownRequester;
    }

    public String jobId() {
        return job.getId();
    }

    /** The dispatch that created the job (explicit dispatch or room configuration). */
    public String dispatchId() {
        return job.getDispatchId();
    }

    public String roomName() {
        return job.getRoom().getName();
    }

    /** The dispatch's metadata, as given (by convention a JSON string); empty when none. */
    public String metadata() {
        return job.getMetadata();
    }

    public String agentName() {
        return job.getAgentName();
    }

    /** The id of the worker registration that accepted the job. */
    public String workerId() {
        return workerId;
    }

    /** The job as the server sent it. */
    public Job job() {
        return job;
    }

    /** The room, joined as {@code agent-<jobId>} with the job's token. */
    public Room room() {
        synchronized (lock) {
            if (room == null) {
                throw new IllegalStateException("the room is not joined yet");
            }
            return room;
        }
    }

    /**
     * The first remote participant that is not an agent (e.g. the SIP caller), waiting for one to
     * join if none is in the room yet.
     *
     * @throws TimeoutException if none joined in time
     * @throws CancellationException if the job shuts down while waiting
     */
    public RemoteParticipant waitForParticipant(Duration timeout) throws InterruptedException, TimeoutException {
        Room joined = room();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                if (shutdownReason != null) {
                    throw new CancellationException("job shutting down: " + shutdownReason);
                }
                for (RemoteParticipant p : joined.remoteParticipants().values()) {
                    if (p.kind() != ParticipantInfo.Kind.AGENT) {
                        return p;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new TimeoutException("no participant joined " + roomName() + " within " + timeout);
                }
                lock.wait(Math.max(1, remaining / 1_000_000));
            }
        }
    }

    /** Runs {@code hook} on the job thread when the job shuts down, before the room is left. */
    public void addShutdownHook(Runnable hook) {
        hooks.add(hook);
    }

    /** Ends the job from agent code: the job thread is interrupted and the hooks run. */
    public void shutdown(String reason) {
        shutdownRequester.accept(reason);
    }

    public boolean isShuttingDown() {
        synchronized (lock) {
            return shutdownReason != null;
        }
    }

    public @Nullable String shutdownReason() {
        synchronized (lock) {
            return shutdownReason;
        }
    }

    /** Blocks until the job is asked to shut down (for agents that run on events). */
    public void awaitShutdown() throws InterruptedException {
        synchronized (lock) {
            while (shutdownReason == null) {
                lock.wait();
            }
        }
    }

    void attach(Room joined) {
        synchronized (lock) {
            room = joined;
            lock.notifyAll();
        }
    }

    @Nullable
    Room roomOrNull() {
        synchronized (lock) {
            return room;
        }
    }

    /** Room event thread: wakes participant waiters; a closed room ends the job. */
    void onRoomEvent(RoomEvent event) {
        boolean attached;
        synchronized (lock) {
            attached = room != null;
            lock.notifyAll();
        }
        if (event instanceof RoomEvent.Disconnected(var reason) && attached) {
            shutdownRequester.accept("room disconnected: " + reason);
        }
    }

    /** Marks the shutdown; true only for the first request. */
    boolean requestShutdown(String reason) {
        synchronized (lock) {
            if (shutdownReason != null) {
                return false;
            }
            shutdownReason = reason;
            lock.notifyAll();
            return true;
        }
    }

    /** Job thread, after the entrypoint: each hook once, in order; a failing hook is logged. */
    void runShutdownHooks() {
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                log.warn("job shutdown hook failed", e);
            }
        }
        hooks.clear();
    }
}
