package dev.sofia.agents.livekit.worker;

import dev.sofia.agents.livekit.auth.AccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import livekit.LivekitAgent.JobType;
import livekit.LivekitAgent.RegisterWorkerRequest;
import livekit.LivekitAgent.RegisterWorkerResponse;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.WorkerMessage;
import livekit.LivekitAgent.WorkerPing;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of the {@code /agent} socket, kept registered: connect with a fresh agent token,
 * register, hand server messages on, ping, and after a loss reconnect with {@link Backoff} until
 * closed.
 *
 * <p>Lifecycle: {@link #start()} runs the connection loop on a virtual thread; {@link Events} hears
 * each step. {@link #close()} closes the socket after the messages already queued and stops the loop.
 */
final class WorkerLink {

    private static final Logger log = LoggerFactory.getLogger(WorkerLink.class);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(10);

    /** What the link tells the worker. */
    interface Events {
        /** Connection loop thread: opening a socket. */
        void connecting();

        /** Connection loop thread: registered; sends are possible now. */
        void registered(String workerId);

        /** Connection loop thread: the socket is gone and a reconnect is scheduled. */
        void disconnected();

        /** WebSocket thread, one at a time: must not block. */
        void message(ServerMessage message);
    }

    private final WorkerOptions options;
    private final Events events;
    private final URI agentUri;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Backoff backoff;
    private final Queue<WorkerMessage> outbox = new ConcurrentLinkedQueue<>();
    private final Thread loop;
    private final Object lock = new Object();
    private @Nullable WorkerConnection connection; // guarded by lock; set while registered
    private boolean closing; // guarded by lock
    private volatile @Nullable String workerId;

    WorkerLink(WorkerOptions options, ScheduledExecutorService timers, Events events) {
        this.options = options;
        this.events = events;
        this.agentUri = WorkerConnection.agentUri(options.url());
        this.backoff =
                new Backoff(options.reconnectInitialDelay(), options.reconnectMaxDelay(), RandomGenerator.getDefault());
        this.loop =
                Thread.ofVirtual().name("sofia-worker-" + options.agentName()).unstarted(this::run);
        long ping = options.pingInterval().toMillis();
        timers.scheduleWithFixedDelay(this::pingOrAbort, ping, ping, TimeUnit.MILLISECONDS);
    }

    void start() {
        loop.start();
    }

    boolean isRegistered() {
        synchronized (lock) {
            return connection != null;
        }
    }

    /** The id of the current (or last) registration; null before the first. */
    @Nullable
    String workerId() {
        return workerId;
    }

    /** Waits until registered; false on timeout or once closing. */
    boolean awaitRegistered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (connection == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || closing) {
                    return false;
                }
                lock.wait(Math.max(1, remaining / 1_000_000));
            }
            return true;
        }
    }

    /** Sends on the registered socket; dropped when there is none (answers and status go stale). */
    void send(WorkerMessage message) {
        WorkerConnection current = current();
        if (current != null) {
            current.send(message);
        }
    }

    /** Sends now, or after the next registration (job status: the server may not know it by then). */
    void sendOrQueue(WorkerMessage message) {
        WorkerConnection current = current();
        if (current != null && !current.closed().isDone()) {
            current.send(message);
        } else {
            outbox.add(message);
        }
    }

    /** Closes the socket after the queued sends (waits ≤ 3 s) and stops reconnecting. */
    void close() {
        WorkerConnection current;
        synchronized (lock) {
            closing = true;
            current = connection;
            lock.notifyAll();
        }
        if (current != null) {
            current.close();
            current.closed().completeOnTimeout(null, 3, TimeUnit.SECONDS).join();
        }
        loop.interrupt();
        try {
            loop.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.shutdownNow();
    }

    /** Test hook: drops the socket as a network failure would. */
    void simulateLoss() {
        WorkerConnection current = current();
        if (current != null) {
            current.abort();
        }
    }

    private @Nullable WorkerConnection current() {
        synchronized (lock) {
            return connection;
        }
    }

    private boolean isClosing() {
        synchronized (lock) {
            return closing;
        }
    }

    private void run() {
        while (!isClosing()) {
            events.connecting();
            WorkerConnection opened = null;
            try {
                opened = connectAndRegister();
                opened.closed().get();
                if (!isClosing()) {
                    log.warn("worker socket lost; running jobs carry on");
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
            if (isClosing()) {
                break;
            }
            events.disconnected();
            Duration delay = backoff.next();
            log.info("reconnecting the worker in {} ms (attempt {})", delay.toMillis(), backoff.attempts());
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    private WorkerConnection connectAndRegister() throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<RegisterWorkerResponse> registered = new CompletableFuture<>();
        String token = AccessTokens.builder(options.apiKey(), options.apiSecret())
                .agent()
                .build();
        WorkerConnection opened = WorkerConnection.open(http, agentUri, token, CONNECT_TIMEOUT, message -> {
                    if (message.hasRegister()) {
                        registered.complete(message.getRegister());
                    } else if (registered.isDone()) {
                        events.message(message);
                    }
                })
                .get(CONNECT_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        try {
            opened.send(WorkerMessage.newBuilder()
                    .setRegister(RegisterWorkerRequest.newBuilder()
                            .setType(JobType.JT_ROOM)
                            .setAgentName(options.agentName())
                            .setVersion(options.version())
                            .setAllowedPermissions(options.permissions()))
                    .build());
            RegisterWorkerResponse response = registered.get(REGISTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String id = response.getWorkerId();
            workerId = id;
            backoff.reset();
            synchronized (lock) {
                if (closing) {
                    throw new InterruptedException("closed while registering");
                }
                connection = opened;
                lock.notifyAll();
            }
            log.info(
                    "worker {} registered (agent \"{}\", server {} {})",
                    id,
                    options.agentName(),
                    response.getServerInfo().getEdition(),
                    response.getServerInfo().getVersion());
            for (WorkerMessage pending; (pending = outbox.poll()) != null; ) {
                opened.send(pending);
            }
            events.registered(id);
            return opened;
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            opened.abort();
            throw e;
        }
    }

    private void pingOrAbort() {
        WorkerConnection current = current();
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
}
