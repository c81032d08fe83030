package dev.sofia.agents.livekit.worker;

import dev.sofia.agents.livekit.auth.AccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import livekit.LivekitAgent.AvailabilityRequest;
import livekit.LivekitAgent.AvailabilityResponse;
import livekit.LivekitAgent.Job;
import livekit.LivekitAgent.JobAssignment;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgent.JobType;
import livekit.LivekitAgent.RegisterWorkerRequest;
import livekit.LivekitAgent.RegisterWorkerResponse;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.UpdateJobStatus;
import livekit.LivekitAgent.UpdateWorkerStatus;
import livekit.LivekitAgent.WorkerMessage;
import livekit.LivekitAgent.WorkerPing;
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

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(10);

    private final WorkerOptions options;
    private final JobEntrypoint entrypoint;
    private final URI agentUri;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Backoff backoff;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sofia-worker-timer").factory());
    private final Queue<WorkerMessage> outbox = new ConcurrentLinkedQueue<>();
    private final RunningJob.Owner jobOwner = new JobOwner();
    private final WorkerMetrics metrics;
    private final Thread connectionLoop;

    private final Object lock = new Object();
    // job id -> System.nanoTime() of the offer we accepted; holds a slot until the assignment
    private final Map<String, Long> offers = new HashMap<>();
    private final Map<String, RunningJob> jobs = new HashMap<>();
    private WorkerState state = WorkerState.CONNECTING;
    private boolean draining;
    private boolean closed;

    private volatile @Nullable WorkerConnection connection; // set while registered
    private volatile @Nullable String workerId;

    private AgentWorker(WorkerOptions options, JobEntrypoint entrypoint) {
        this.options = options;
        this.entrypoint = entrypoint;
        this.agentUri = WorkerConnection.agentUri(options.url());
        this.backoff =
                new Backoff(options.reconnectInitialDelay(), options.reconnectMaxDelay(), RandomGenerator.getDefault());
        this.metrics = new WorkerMetrics(options.meterRegistry(), options.agentName(), this);
        this.connectionLoop =
                Thread.ofVirtual().name("sofia-worker-" + options.agentName()).unstarted(this::runConnectionLoop);
    }

    /** Starts a worker; it connects and registers in the background (see {@link #awaitRegistered}). */
    public static AgentWorker start(WorkerOptions options, JobEntrypoint entrypoint) {
        AgentWorker worker = new AgentWorker(options, entrypoint);
        long status = options.statusInterval().toMillis();
        worker.timers.scheduleWithFixedDelay(worker::sendStatus, status, status, TimeUnit.MILLISECONDS);
        long ping = options.pingInterval().toMillis();
        worker.timers.scheduleWithFixedDelay(worker::pingOrAbort, ping, ping, TimeUnit.MILLISECONDS);
        worker.connectionLoop.start();
        return worker;
    }

    public WorkerState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The id the server gave the current (or last) registration; null before the first. */
    public @Nullable String workerId() {
        return workerId;
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

    /** max(CPU load, active jobs / max jobs), 0..1: what the server weighs workers by. */
    public double load() {
        double jobShare = (double) activeJobs() / options.maxJobs();
        return Math.clamp(Math.max(cpu(), jobShare), 0.0, 1.0);
    }

    public WorkerHealth health() {
        return new WorkerHealth(state(), connection != null, workerId, activeJobs(), load());
    }

    /** Waits until the worker is registered; false on timeout. */
    public boolean awaitRegistered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (connection == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || closed) {
                    return false;
                }
                lock.wait(Math.max(1, remaining / 1_000_000));
            }
            return true;
        }
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
        log.info("draining worker {}: {} active jobs, up to {} s", workerId, activeJobs(), timeout.toSeconds());
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
        WorkerConnection current = connection;
        if (current != null) {
            current.close(); // after the queued job updates
            current.closed().completeOnTimeout(null, 3, TimeUnit.SECONDS).join();
        }
        connectionLoop.interrupt();
        try {
            connectionLoop.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        metrics.remove();
        http.shutdownNow();
        synchronized (lock) {
            state = WorkerState.CLOSED;
            lock.notifyAll();
        }
        log.info("worker {} closed", workerId);
    }

    /** Test hook: drops the worker socket as a network failure would. */
    void simulateConnectionLoss() {
        WorkerConnection current = connection;
        if (current != null) {
            current.abort();
        }
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

    private void runConnectionLoop() {
        while (!isClosed()) {
            setState(WorkerState.CONNECTING);
            WorkerConnection opened = null;
            try {
                opened = connectAndRegister();
                opened.closed().get();
                if (!isClosed()) {
                    log.warn("worker socket lost; {} running jobs carry on", activeJobs());
                }
            } catch (InterruptedException e) {
                break;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                log.warn("worker connection to {} failed: {}", agentUri, describe(cause));
            } finally {
                if (opened != null) {
                    opened.abort();
                }
                synchronized (lock) {
                    connection = null;
                    lock.notifyAll();
                }
            }
            if (isClosed()) {
                break;
            }
            setState(WorkerState.DISCONNECTED);
            Duration delay = backoff.next();
            log.info("reconnecting the worker in {} ms (attempt {})", delay.toMillis(), backoff.attempts());
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof WebSocketHandshakeException handshake) {
            HttpResponse<?> response = handshake.getResponse();
            String body = String.valueOf(response.body());
            int token = body.indexOf("eyJ"); // the server may echo the JWT: keep it out of logs
            return "handshake refused with HTTP " + response.statusCode() + " "
                    + (token >= 0 ? body.substring(0, token) + "<token>" : body);
        }
        return failure.toString();
    }

    private WorkerConnection connectAndRegister() throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<RegisterWorkerResponse> registered = new CompletableFuture<>();
        AtomicReference<@Nullable WorkerConnection> self = new AtomicReference<>();
        String token = AccessTokens.builder(options.apiKey(), options.apiSecret())
                .agent()
                .build();
        WorkerConnection opened = WorkerConnection.open(http, agentUri, token, CONNECT_TIMEOUT, message -> {
                    if (message.hasRegister()) {
                        registered.complete(message.getRegister());
                    } else {
                        WorkerConnection c = self.get();
                        if (c != null) {
                            onServerMessage(c, message);
                        }
                    }
                })
                .get(CONNECT_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        self.set(opened);
        try {
            opened.send(WorkerMessage.newBuilder()
                    .setRegister(RegisterWorkerRequest.newBuilder()
                            .setType(JobType.JT_ROOM)
                            .setAgentName(options.agentName())
                            .setVersion(options.version())
                            .setAllowedPermissions(options.permissions()))
                    .build());
            RegisterWorkerResponse response = registered.get(REGISTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            workerId = response.getWorkerId();
            backoff.reset();
            synchronized (lock) {
                if (closed) {
                    throw new InterruptedException("closed while registering");
                }
                connection = opened;
                setStateLocked(draining ? WorkerState.DRAINING : WorkerState.REGISTERED);
            }
            log.info(
                    "worker {} registered (agent \"{}\", server {} {})",
                    workerId,
                    options.agentName(),
                    response.getServerInfo().getEdition(),
                    response.getServerInfo().getVersion());
            for (WorkerMessage pending; (pending = outbox.poll()) != null; ) {
                opened.send(pending);
            }
            sendStatus();
            return opened;
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            opened.abort();
            throw e;
        }
    }

    /** WebSocket thread: must not block. */
    private void onServerMessage(WorkerConnection from, ServerMessage message) {
        switch (message.getMessageCase()) {
            case AVAILABILITY -> onAvailability(from, message.getAvailability());
            case ASSIGNMENT -> onAssignment(message.getAssignment());
            case TERMINATION -> onTermination(message.getTermination().getJobId());
            case PONG -> {}
            default -> log.debug("ignoring server message {}", message.getMessageCase());
        }
    }

    private void onAvailability(WorkerConnection from, AvailabilityRequest request) {
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
        from.send(WorkerMessage.newBuilder().setAvailability(response).build());
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
                    workerId == null ? "" : workerId,
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
        WorkerConnection current = connection;
        if (current == null) {
            return;
        }
        UpdateWorkerStatus.Builder update = UpdateWorkerStatus.newBuilder();
        synchronized (lock) {
            update.setJobCount(jobs.size())
                    .setStatus(acceptingLocked() ? WorkerStatus.WS_AVAILABLE : WorkerStatus.WS_FULL);
        }
        update.setLoad((float) load());
        current.send(WorkerMessage.newBuilder().setUpdateWorker(update).build());
    }

    private void pingOrAbort() {
        WorkerConnection current = connection;
        if (current == null) {
            return;
        }
        if (current.nanosSinceLastMessage() > options.pingTimeout().toNanos()) {
            log.warn(
                    "nothing from the server for {} s; reopening the worker socket",
                    options.pingTimeout().toSeconds());
            current.abort();
            return;
        }
        current.send(WorkerMessage.newBuilder()
                .setPing(WorkerPing.newBuilder().setTimestamp(System.currentTimeMillis()))
                .build());
    }

    private void sendJobStatus(String jobId, JobStatus status, String error) {
        WorkerMessage message = WorkerMessage.newBuilder()
                .setUpdateJob(UpdateJobStatus.newBuilder()
                        .setJobId(jobId)
                        .setStatus(status)
                        .setError(error))
                .build();
        WorkerConnection current = connection;
        if (current != null && !current.closed().isDone()) {
            current.send(message);
        } else {
            // sent after the next registration (the server may have forgotten the job by then)
            outbox.add(message);
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
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
        }
    }
}
