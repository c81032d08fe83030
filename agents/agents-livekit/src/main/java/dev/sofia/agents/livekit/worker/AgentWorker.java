package dev.sofia.agents.livekit.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import livekit.LivekitAgent.AvailabilityRequest;
import livekit.LivekitAgent.AvailabilityResponse;
import livekit.LivekitAgent.Job;
import livekit.LivekitAgent.JobAssignment;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.UpdateJobStatus;
import livekit.LivekitAgent.UpdateWorkerStatus;
import livekit.LivekitAgent.WorkerMessage;
import livekit.LivekitAgent.WorkerStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LiveKit agent worker: LiveKit dispatches jobs (one per room and agent) to it, and it runs each
 * job's {@link JobEntrypoint} in the room.
 *
 * <p>Lifecycle: {@link #start} returns at once and connects in the background to {@code
 * <url>/agent} with an agent token it mints itself, registers ({@link WorkerState#REGISTERED}) and
 * answers job offers: it accepts while it runs fewer than {@link WorkerOptions#maxJobs()} jobs, the
 * CPU is below {@link WorkerOptions#loadThreshold()} and it is not draining, and reports its status
 * and load every {@link WorkerOptions#statusInterval()}. A lost socket is reopened with exponential
 * backoff and jitter ({@link WorkerState#DISCONNECTED} meanwhile); running jobs carry on. {@link
 * #drain} stops accepting, lets running jobs finish up to a timeout, then closes; {@link #close()}
 * ends running jobs at once. {@link #drainOnShutdown} drains on SIGTERM for standalone workers.
 *
 * <p>Threads: the connection loop and every job run on virtual threads; server messages are handled
 * on the JDK WebSocket's thread and never block; timers run on one scheduler thread. Methods are
 * thread-safe.
 */
public final class AgentWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgentWorker.class);

    /** Set by livekit-agents on its job participants too: which agent this participant is. */
    static final String ATTRIBUTE_AGENT_NAME = "lk.agent.name";

    private final WorkerOptions options;
    private final JobEntrypoint entrypoint;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sofia-worker-timer").factory());
    private final RunningJob.Owner jobOwner = new JobOwner();
    private final WorkerMetrics metrics;
    private final WorkerLink link;

    private final Object lock = new Object();
    // job id -> System.nanoTime() of the offer we accepted; holds a slot until the assignment
    private final Map<String, Long> offers = new HashMap<>();
    private final Map<String, RunningJob> jobs = new HashMap<>();
    private WorkerState state = WorkerState.CONNECTING;
    private boolean draining;
    private boolean closed;

    private AgentWorker(WorkerOptions options, JobEntrypoint entrypoint) {
        this.options = options;
        this.entrypoint = entrypoint;
        this.metrics = new WorkerMetrics(options.meterRegistry(), options.agentName(), this);
        this.link = new WorkerLink(options, timers, new LinkEvents());
    }

    /** Starts a worker; it connects and registers in the background (see {@link #awaitRegistered}). */
    public static AgentWorker start(WorkerOptions options, JobEntrypoint entrypoint) {
        AgentWorker worker = new AgentWorker(options, entrypoint);
        long status = options.statusInterval().toMillis();
        worker.timers.scheduleWithFixedDelay(worker::sendStatus, status, status, TimeUnit.MILLISECONDS);
        worker.link.start();
        return worker;
    }

    public WorkerState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The id the server gave the current (or last) registration; null before the first. */
    public @Nullable String workerId() {
        return link.workerId();
    }

    public WorkerOptions options() {
        return options;
    }

    /** Jobs running plus accepted offers still awaiting their assignment. */
    public int activeJobs() {
        synchronized (lock) {
            return jobs.size() + offers.size();
        }
    }

    /**
     * How full this worker is, 0..1: the larger of its CPU load as a share of {@link
     * WorkerOptions#loadThreshold()} and its active jobs as a share of {@link WorkerOptions#maxJobs()}.
     * At 1 it takes no more jobs.
     */
    public double load() {
        double jobShare = (double) activeJobs() / options.maxJobs();
        double cpuShare = cpu() / options.loadThreshold();
        return Math.clamp(Math.max(cpuShare, jobShare), 0.0, 1.0);
    }

    /**
     * The load sent to the server: {@link #load()} scaled into {@code [0, serverTargetLoad]}.
     * livekit-server offers a job only while a worker's reported load is below its {@code
     * agents.target_load} (0.7 by default); reporting the raw share would make it stop offering a
     * lone worker jobs at 70 % of {@code maxJobs}. Scaled, the server keeps offering until the worker
     * itself says it is full, and still prefers the emptier of several workers.
     */
    double reportedLoad() {
        return load() * options.serverTargetLoad();
    }

    public WorkerHealth health() {
        return new WorkerHealth(state(), link.isRegistered(), link.workerId(), activeJobs(), load());
    }

    /** Waits until the worker is registered; false on timeout or once closed. */
    public boolean awaitRegistered(Duration timeout) throws InterruptedException {
        return link.awaitRegistered(timeout);
    }

    /**
     * Stops accepting jobs (status WS_FULL, offers declined), waits up to {@code timeout} for the
     * running jobs to end, ends those still running, then closes the worker.
     *
     * @return true if every job ended on its own within the timeout
     */
    public boolean drain(Duration timeout) {
        synchronized (lock) {
            if (closed) {
                return jobs.isEmpty();
            }
            draining = true;
            setStateLocked(WorkerState.DRAINING);
        }
        log.info("draining worker {}: {} active jobs, up to {} s", link.workerId(), activeJobs(), timeout.toSeconds());
        sendStatus();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean finished;
        try {
            synchronized (lock) {
                while (!(jobs.isEmpty() && offers.isEmpty()) && deadline - System.nanoTime() > 0) {
                    lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
                finished = jobs.isEmpty() && offers.isEmpty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            log.warn("drain timed out with {} jobs running; ending them", activeJobs());
        }
        close();
        return finished;
    }

    /**
     * Registers a JVM shutdown hook (SIGTERM, SIGINT, {@code System.exit}) that drains the worker with
     * {@code timeout}. Returns the hook, e.g. to remove it again.
     */
    public Thread drainOnShutdown(Duration timeout) {
        Thread hook = new Thread(() -> drain(timeout), "sofia-worker-drain");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Ends running jobs (interrupt, hooks, leave; forced after the job shutdown timeout) and disconnects. */
    @Override
    public void close() {
        List<RunningJob> running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(jobs.values());
            offers.clear();
            lock.notifyAll();
        }
        running.forEach(job -> job.terminate("worker closing"));
        awaitJobs(running, options.jobShutdownTimeout());
        link.close(); // after the job updates just queued
        timers.shutdownNow();
        metrics.remove();
        synchronized (lock) {
            state = WorkerState.CLOSED;
            lock.notifyAll();
        }
        log.info("worker {} closed", link.workerId());
    }

    /** Test hook: drops the worker socket as a network failure would. */
    void simulateConnectionLoss() {
        link.simulateLoss();
    }

    private void awaitJobs(List<RunningJob> running, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (RunningJob job : running) {
                if (!job.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    job.forceLeave();
                    job.join(Duration.ofSeconds(5));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** WebSocket thread: must not block. */
    private void onServerMessage(ServerMessage message) {
        switch (message.getMessageCase()) {
            case AVAILABILITY -> onAvailability(message.getAvailability());
            case ASSIGNMENT -> onAssignment(message.getAssignment());
            case TERMINATION -> onTermination(message.getTermination().getJobId());
            case PONG -> {}
            default -> log.debug("ignoring server message {}", message.getMessageCase());
        }
    }

    private void onAvailability(AvailabilityRequest request) {
        long receivedAt = System.nanoTime();
        Job job = request.getJob();
        boolean accept;
        synchronized (lock) {
            accept = acceptingLocked();
            if (accept) {
                offers.put(job.getId(), receivedAt);
            }
        }
        AvailabilityResponse.Builder response =
                AvailabilityResponse.newBuilder().setJobId(job.getId()).setAvailable(accept);
        if (accept) {
            response.setParticipantIdentity("agent-" + job.getId())
                    .setParticipantName(options.agentName().isEmpty() ? "agent" : options.agentName())
                    .putParticipantAttributes(ATTRIBUTE_AGENT_NAME, options.agentName());
            metrics.accepted();
            timers.schedule(
                    () -> expireOffer(job.getId()), options.assignmentTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            metrics.declined();
        }
        link.send(WorkerMessage.newBuilder().setAvailability(response).build());
        if (accept) {
            sendStatus(); // at once, so the server does not offer a full worker more jobs in a burst
        }
        log.info(
                "{} job {} for room {} (active {}, load {})",
                accept ? "accepted" : "declined",
                job.getId(),
                job.getRoom().getName(),
                activeJobs(),
                String.format("%.2f", load()));
    }

    private void onAssignment(JobAssignment assignment) {
        Job job = assignment.getJob();
        RunningJob running;
        synchronized (lock) {
            Long offeredAt = offers.remove(job.getId());
            if (offeredAt == null) {
                // The offer expired, yet the server counts the job as ours: run it if there is room.
                if (closed || jobs.containsKey(job.getId()) || !acceptingLocked()) {
                    log.warn("ignoring assignment of job {} (no open offer)", job.getId());
                    return;
                }
                offeredAt = System.nanoTime();
            }
            String url = assignment.hasUrl() && !assignment.getUrl().isEmpty() ? assignment.getUrl() : options.url();
            running = new RunningJob(
                    job,
                    String.valueOf(link.workerId()),
                    url,
                    assignment.getToken(),
                    offeredAt,
                    options.roomOptions(),
                    entrypoint,
                    jobOwner);
            jobs.put(job.getId(), running);
        }
        running.start();
    }

    private void onTermination(String jobId) {
        RunningJob job;
        synchronized (lock) {
            job = jobs.get(jobId);
        }
        if (job == null) {
            log.debug("termination of job {}, which is not running here", jobId);
            return;
        }
        job.terminate("terminated by the server");
        timers.schedule(
                () -> {
                    if (!job.isDone()) {
                        job.forceLeave();
                    }
                },
                options.jobShutdownTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void expireOffer(String jobId) {
        synchronized (lock) {
            if (offers.remove(jobId) != null) {
                log.warn(
                        "no assignment for job {} within {} ms",
                        jobId,
                        options.assignmentTimeout().toMillis());
                lock.notifyAll();
            }
        }
    }

    private boolean acceptingLocked() {
        return !draining
                && !closed
                && jobs.size() + offers.size() < options.maxJobs()
                && cpu() < options.loadThreshold();
    }

    private double cpu() {
        double value = options.cpuLoad().getAsDouble();
        return Double.isNaN(value) ? 0 : value;
    }

    private void sendStatus() {
        if (!link.isRegistered()) {
            return;
        }
        UpdateWorkerStatus.Builder update = UpdateWorkerStatus.newBuilder();
        synchronized (lock) {
            update.setJobCount(jobs.size())
                    .setStatus(acceptingLocked() ? WorkerStatus.WS_AVAILABLE : WorkerStatus.WS_FULL);
        }
        update.setLoad((float) reportedLoad());
        link.send(WorkerMessage.newBuilder().setUpdateWorker(update).build());
    }

    private void sendJobStatus(String jobId, JobStatus status, String error) {
        WorkerMessage message = WorkerMessage.newBuilder()
                .setUpdateJob(UpdateJobStatus.newBuilder()
                        .setJobId(jobId)
                        .setStatus(status)
                        .setError(error))
                .build();
        link.sendOrQueue(message);
    }

    private void setState(WorkerState next) {
        synchronized (lock) {
            setStateLocked(next);
        }
    }

    private void setStateLocked(WorkerState next) {
        if (state == WorkerState.CLOSED) {
            return;
        }
        // while draining, DRAINING sticks whatever the socket does
        state = draining ? WorkerState.DRAINING : next;
        lock.notifyAll();
    }

    private final class LinkEvents implements WorkerLink.Events {
        @Override
        public void connecting() {
            setState(WorkerState.CONNECTING);
        }

        @Override
        public void registered(String workerId) {
            setState(WorkerState.REGISTERED);
            sendStatus();
        }

        @Override
        public void disconnected() {
            setState(WorkerState.DISCONNECTED);
        }

        @Override
        public void message(ServerMessage message) {
            onServerMessage(message);
        }
    }

    private final class JobOwner implements RunningJob.Owner {
        @Override
        public void jobRunning(RunningJob job) {
            sendJobStatus(job.id(), JobStatus.JS_RUNNING, "");
        }

        @Override
        public void jobJoined(RunningJob job, Duration sinceOffer) {
            metrics.joined(sinceOffer);
        }

        @Override
        public void jobEnded(RunningJob job, @Nullable String error) {
            synchronized (lock) {
                jobs.remove(job.id());
                lock.notifyAll();
            }
            if (error == null) {
                sendJobStatus(job.id(), JobStatus.JS_SUCCESS, "");
            } else {
                metrics.failed();
                sendJobStatus(job.id(), JobStatus.JS_FAILED, error);
            }
            log.info("job {} ended: {}", job.id(), error == null ? "success" : "failed: " + error);
            sendStatus();
        }
    }
}
