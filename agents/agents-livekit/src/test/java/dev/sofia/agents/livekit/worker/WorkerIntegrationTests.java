package dev.sofia.agents.livekit.worker;

import static dev.sofia.agents.livekit.testing.PythonPeer.where;
import static dev.sofia.agents.livekit.worker.JobRecorder.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.livekit.RemoteParticipant;
import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.RoomOptions;
import dev.sofia.agents.livekit.auth.AccessTokens;
import dev.sofia.agents.livekit.testing.LocalLiveKit;
import dev.sofia.agents.livekit.testing.PythonPeer;
import dev.sofia.agents.livekit.testing.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitModels.ParticipantInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * Our worker against a real livekit-server on loopback: dispatch by the AgentDispatchService and by
 * a token's room configuration, load sharing, declining at capacity, reconnecting, draining. Each
 * test uses its own agent name so workers of different tests never meet. No timing assertions: every
 * wait is generous.
 */
class WorkerIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LocalLiveKit server = LocalLiveKit.onFreePorts();

    private static AgentDispatchApi dispatches;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        dispatches = new AgentDispatchApi(server.config());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    @Test
    void anExplicitDispatchBringsTheAgentIntoTheRoom() throws Exception {
        JobRecorder jobs = new JobRecorder();
        List<String> hooks = new CopyOnWriteArrayList<>();
        List<String> mdc = new CopyOnWriteArrayList<>();
        AgentWorker worker = start(options("sofia-explicit"), ctx -> {
            mdc.add(MDC.get("jobId") + " " + MDC.get("room"));
            jobs.record(ctx);
            ctx.addShutdownHook(() -> hooks.add(ctx.jobId()));
            RemoteParticipant caller = ctx.waitForParticipant(WAIT);
            ctx.room()
                    .localParticipant()
                    .setAttributes(Map.of("greeted", caller.identity()))
                    .get(30, TimeUnit.SECONDS);
            ctx.awaitShutdown();
        });
        assertThat(worker.awaitRegistered(WAIT)).isTrue();
        String room = room();

        AgentDispatch dispatch = dispatches.create(room, "sofia-explicit", "{\"clinic\":\"berlin\"}");
        Room caller = join(room, "caller");

        RemoteParticipant agent = awaitAgent(caller);
        JobContext job = jobs.awaitRoom(room, WAIT);
        assertThat(agent.kind()).isEqualTo(ParticipantInfo.Kind.AGENT);
        assertThat(agent.identity()).isEqualTo("agent-" + job.jobId());
        assertThat(agent.attributes()).containsEntry(AgentWorker.ATTRIBUTE_AGENT_NAME, "sofia-explicit");
        assertThat(job.dispatchId()).isEqualTo(dispatch.getId());
        assertThat(job.metadata()).isEqualTo("{\"clinic\":\"berlin\"}");
        assertThat(job.agentName()).isEqualTo("sofia-explicit");
        assertThat(job.workerId()).isEqualTo(worker.workerId());
        assertThat(mdc).containsExactly(job.jobId() + " " + room);
        until(
                WAIT,
                "the agent greets the caller it waited for",
                () -> "caller"
                        .equals(agentIn(caller)
                                .map(p -> p.attributes().get("greeted"))
                                .orElse(null)));
        assertThat(worker.activeJobs()).isEqualTo(1);
        assertThat(registry(worker).get("sofia.worker.jobs.active").gauge().value())
                .isEqualTo(1);
        assertThat(registry(worker).get("sofia.worker.load").gauge().value()).isEqualTo(0.1); // 1 of 10 jobs

        dispatches.delete(room, dispatch.getId());

        until(
                WAIT,
                "the agent leaves after the dispatch is deleted",
                () -> agentIn(caller).isEmpty());
        until(WAIT, "the job ends", () -> worker.activeJobs() == 0);
        assertThat(job.shutdownReason()).isEqualTo("terminated by the server");
        assertThat(hooks).containsExactly(job.jobId());
        SimpleMeterRegistry meters = registry(worker);
        assertThat(meters.get("sofia.worker.jobs.accepted").counter().count()).isEqualTo(1);
        assertThat(meters.get("sofia.worker.jobs.failed").counter().count()).isZero();
        assertThat(meters.get("sofia.worker.dispatch.join").timer().count()).isEqualTo(1);
    }

    @Test
    void aTokensRoomConfigurationDispatchesTheAgentToAPythonCaller() throws Exception {
        JobRecorder jobs = new JobRecorder();
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch seen = new CountDownLatch(1);
        start(options(WorkerOptions.DEFAULT_AGENT_NAME), ctx -> {
            jobs.record(ctx);
            heard.add(ctx.waitForParticipant(WAIT).identity());
            seen.await();
        });
        String room = room();
        String token = AccessTokens.builder(
                        server.config().apiKey(), server.config().apiSecret())
                .identity("caller")
                .roomJoin(room)
                .dispatchAgent("sofia", "{\"from\":\"token\"}")
                .build();

        PythonPeer peer = PythonPeer.start("caller", server.url(), token);
        cleanup.add(peer);

        JsonNode agent = peer.awaitEvent(
                "participant_connected", e -> e.path("identity").asString().startsWith("agent-"), WAIT);
        assertThat(agent.path("kind").asInt()).isEqualTo(ParticipantInfo.Kind.AGENT_VALUE);
        JobContext job = jobs.awaitRoom(room, WAIT);
        assertThat(agent.path("identity").asString()).isEqualTo("agent-" + job.jobId());
        assertThat(job.metadata()).isEqualTo("{\"from\":\"token\"}");
        until(WAIT, "the agent found the caller", () -> heard.contains("caller"));

        seen.countDown(); // the entrypoint returns: the job ends and the agent leaves
        peer.awaitEvent("participant_disconnected", where("identity", "agent-" + job.jobId()), WAIT);
        assertThat(job.shutdownReason()).isEqualTo("entrypoint returned");
        until(WAIT, "the server logs the job's success", () -> serverLogged(job.jobId(), "JS_SUCCESS"));
    }

    @Test
    void aTerminatedJobThatIgnoresItsInterruptLosesItsRoomAfterTheShutdownTimeout() throws Exception {
        JobRecorder jobs = new JobRecorder();
        List<String> hooks = new CopyOnWriteArrayList<>();
        AgentWorker worker = start(options("sofia-stubborn").jobShutdownTimeout(Duration.ofSeconds(1)), ctx -> {
            jobs.record(ctx);
            ctx.addShutdownHook(() -> hooks.add(ctx.shutdownReason()));
            while (ctx.room().isConnected()) { // an entrypoint that swallows interrupts
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ignored) {
                    // keeps going
                }
            }
        });
        assertThat(worker.awaitRegistered(WAIT)).isTrue();
        String room = room();
        AgentDispatch dispatch = dispatches.create(room, "sofia-stubborn", "");
        Room caller = join(room, "caller");
        awaitAgent(caller);
        JobContext job = jobs.awaitRoom(room, WAIT);

        dispatches.delete(room, dispatch.getId());

        until(WAIT, "the agent is made to leave", () -> agentIn(caller).isEmpty());
        until(WAIT, "the job ends", () -> worker.activeJobs() == 0);
        assertThat(hooks).containsExactly("terminated by the server");
        assertThat(job.room().isConnected()).isFalse();
    }

    @Test
    void waitingForACallerWhoNeverComesTimesOutAndFailsTheJob() throws Exception {
        JobRecorder jobs = new JobRecorder();
        AgentWorker worker = start(options("sofia-lonely"), ctx -> {
            jobs.record(ctx);
            ctx.waitForParticipant(Duration.ofMillis(500));
        });
        assertThat(worker.awaitRegistered(WAIT)).isTrue();
        String room = room();
        dispatches.create(room, "sofia-lonely", "");
        JobContext job = jobs.awaitRoom(room, WAIT);

        until(
                WAIT,
                "the server logs the job's failure",
                () -> serverLogged(job.jobId(), "JS_FAILED", "TimeoutException: no participant joined " + room));
        assertThat(worker.activeJobs()).isZero();
    }

    @Test
    void aJobWhoseEntrypointThrowsIsReportedFailedAndLeaves() throws Exception {
        JobRecorder jobs = new JobRecorder();
        AgentWorker worker = start(options("sofia-failing"), ctx -> {
            jobs.record(ctx);
            ctx.waitForParticipant(WAIT);
            throw new IllegalStateException("calendar unreachable");
        });
        assertThat(worker.awaitRegistered(WAIT)).isTrue();
        String room = room();
        dispatches.create(room, "sofia-failing", "");
        Room caller = join(room, "caller");
        JobContext job = jobs.awaitRoom(room, WAIT);

        // livekit-server 1.13 keeps no ended job state for ListDispatch; it logs what the worker reported
        until(
                WAIT,
                "the server logs the job's failure with our error",
                () -> serverLogged(job.jobId(), "JS_FAILED", "IllegalStateException: calendar unreachable"));
        until(WAIT, "the agent leaves", () -> agentIn(caller).isEmpty());
        assertThat(count(worker, "sofia.worker.jobs.failed")).isEqualTo(1);
        assertThat(worker.activeJobs()).isZero();
    }

    @Test
    void twoWorkersShareTwentyDispatches() {
        JobRecorder first = new JobRecorder();
        JobRecorder second = new JobRecorder();
        AgentWorker a = start(options("sofia-pair").maxJobs(20), first::record);
        AgentWorker b = start(options("sofia-pair").maxJobs(20), second::record);
        awaitRegistered(a, b);

        Set<String> rooms = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String room = room();
            rooms.add(room);
            dispatches.create(room, "sofia-pair", "");
        }

        until(Duration.ofSeconds(120), "20 jobs run", () -> first.count() + second.count() == 20);
        System.out.printf("jobs: worker A %d, worker B %d%n", first.count(), second.count());
        assertThat(first.count()).as("jobs on worker A").isPositive();
        assertThat(second.count()).as("jobs on worker B").isPositive();
        Set<String> served = new HashSet<>();
        first.all().forEach(j -> served.add(j.roomName()));
        second.all().forEach(j -> served.add(j.roomName()));
        assertThat(served).isEqualTo(rooms);
    }

    @Test
    void aLoneWorkerIsOfferedJobsUntilItIsFull() {
        // livekit-server offers jobs only to workers reporting less than its target load (0.7): had
        // the worker reported its raw share, the server would have stopped offering at 7 of 10.
        // One dispatch at a time, so that the server always knows the worker's latest load.
        JobRecorder jobs = new JobRecorder();
        AgentWorker worker = start(options("sofia-lone").maxJobs(10), ctx -> {
            jobs.record(ctx);
            ctx.awaitShutdown();
        });
        awaitRegistered(worker);

        for (int i = 0; i < 10; i++) {
            String room = room();
            dispatches.create(room, "sofia-lone", "");
            jobs.awaitRoom(room, WAIT);
        }

        assertThat(jobs.count()).isEqualTo(10);
        assertThat(worker.load()).isEqualTo(1.0);
        assertThat(worker.reportedLoad()).isEqualTo(0.7);
        assertThat(count(worker, "sofia.worker.jobs.declined")).isZero();
    }

    @Test
    void aWorkerThatFillsUpBetweenStatusReportsDeclinesAndTheOtherTakesTheJob() throws InterruptedException {
        AtomicReference<Double> cpu = new AtomicReference<>(0.0);
        JobRecorder busyJobs = new JobRecorder();
        JobRecorder otherJobs = new JobRecorder();
        // Reports status only at registration and when its jobs change, so once its CPU jumps the
        // server still believes it available and keeps offering it jobs it must decline.
        AgentWorker busy = start(
                options("sofia-capacity").maxJobs(2).cpuLoad(cpu::get).statusInterval(Duration.ofHours(1)), ctx -> {
                    busyJobs.record(ctx);
                    ctx.awaitShutdown();
                });
        assertThat(busy.awaitRegistered(WAIT)).isTrue();
        String firstRoom = room();
        dispatches.create(firstRoom, "sofia-capacity", "");
        busyJobs.awaitRoom(firstRoom, WAIT);
        cpu.set(0.95);

        AgentWorker other = start(options("sofia-capacity"), otherJobs::record);
        assertThat(other.awaitRegistered(WAIT)).isTrue();

        // The server picks at random, so dispatch until the busy worker was asked at least once.
        int dispatched = 0;
        while (count(busy, "sofia.worker.jobs.declined") == 0 && dispatched < 20) {
            String room = room();
            dispatches.create(room, "sofia-capacity", "");
            otherJobs.awaitRoom(room, WAIT);
            dispatched++;
        }

        System.out.printf(
                "capacity: %d dispatches, busy worker declined %.0f%n",
                dispatched, count(busy, "sofia.worker.jobs.declined"));
        assertThat(count(busy, "sofia.worker.jobs.declined")).isPositive();
        assertThat(count(busy, "sofia.worker.jobs.accepted")).isEqualTo(1);
        assertThat(busyJobs.count()).isEqualTo(1);
        assertThat(otherJobs.count()).isEqualTo(dispatched);
    }

    @Test
    void aWorkerAtItsMaximumIsOfferedNoMoreJobs() throws InterruptedException {
        JobRecorder fullJobs = new JobRecorder();
        JobRecorder otherJobs = new JobRecorder();
        AgentWorker full = start(options("sofia-full").maxJobs(1).statusInterval(Duration.ofHours(1)), ctx -> {
            fullJobs.record(ctx);
            ctx.awaitShutdown();
        });
        assertThat(full.awaitRegistered(WAIT)).isTrue();
        String firstRoom = room();
        dispatches.create(firstRoom, "sofia-full", "");
        fullJobs.awaitRoom(firstRoom, WAIT);

        AgentWorker other = start(options("sofia-full"), otherJobs::record);
        assertThat(other.awaitRegistered(WAIT)).isTrue();
        for (int i = 0; i < 10; i++) {
            String room = room();
            dispatches.create(room, "sofia-full", "");
            otherJobs.awaitRoom(room, WAIT);
        }

        // it said it was full when it took its job, so the server never asked it again
        assertThat(count(full, "sofia.worker.jobs.declined")).isZero();
        assertThat(fullJobs.count()).isEqualTo(1);
        assertThat(otherJobs.count()).isEqualTo(10);
    }

    @Test
    void aWorkerOverItsCpuThresholdTakesNoJobsAndTakesThemAgainOnceItReportsLess() throws Exception {
        AtomicReference<Double> cpu = new AtomicReference<>(0.95);
        JobRecorder hotJobs = new JobRecorder();
        JobRecorder coolJobs = new JobRecorder();
        AgentWorker hot = start(
                options("sofia-cpu").cpuLoad(cpu::get).loadThreshold(0.7).statusInterval(Duration.ofMillis(200)),
                hotJobs::record);
        AgentWorker cool = start(options("sofia-cpu"), coolJobs::record);
        awaitRegistered(hot, cool);
        assertThat(hot.load()).isEqualTo(1.0); // 0.95 is over the threshold: full

        for (int i = 0; i < 5; i++) {
            String room = room();
            dispatches.create(room, "sofia-cpu", "");
            coolJobs.awaitRoom(room, WAIT);
        }
        System.out.printf("cpu: the hot worker declined %.0f offers%n", count(hot, "sofia.worker.jobs.declined"));
        assertThat(hotJobs.count()).isZero();
        assertThat(count(hot, "sofia.worker.jobs.accepted")).isZero();

        cool.close();
        cpu.set(0.1);
        until(WAIT, "the hot worker, now cool, takes a job", () -> {
            String room = room();
            dispatches.create(room, "sofia-cpu", "");
            try {
                hotJobs.awaitRoom(room, Duration.ofSeconds(2));
                return true;
            } catch (AssertionError notYet) {
                return false; // the server does not have the new status yet
            }
        });
        assertThat(count(hot, "sofia.worker.jobs.accepted")).isPositive();
    }

    @Test
    void aWorkerWhoseSocketIsCutReconnectsKeepsItsJobAndTakesNewOnes() throws Exception {
        JobRecorder jobs = new JobRecorder();
        AgentWorker worker = start(options("sofia-reconnect"), ctx -> {
            jobs.record(ctx);
            ctx.awaitShutdown();
        });
        assertThat(worker.awaitRegistered(WAIT)).isTrue();
        String firstId = worker.workerId();
        String firstRoom = room();
        dispatches.create(firstRoom, "sofia-reconnect", "");
        JobContext running = jobs.awaitRoom(firstRoom, WAIT);

        worker.simulateConnectionLoss();

        until(
                WAIT,
                "registered again under a new worker id",
                () -> worker.state() == WorkerState.REGISTERED && !firstId.equals(worker.workerId()));
        assertThat(running.isShuttingDown()).isFalse();
        assertThat(running.room().isConnected()).isTrue();

        String secondRoom = room();
        dispatches.create(secondRoom, "sofia-reconnect", "");
        JobContext second = jobs.awaitRoom(secondRoom, WAIT);
        assertThat(second.workerId()).isEqualTo(worker.workerId());
        assertThat(running.isShuttingDown()).isFalse();
    }

    @Test
    void aConnectionThatFallsSilentIsReplacedAfterThePingTimeout() throws Exception {
        TcpProxy proxy = TcpProxy.start(URI.create(server.config().httpUrl()).getPort());
        cleanup.add(proxy);
        JobRecorder jobs = new JobRecorder();
        AgentWorker worker = start(
                options("sofia-silent")
                        .url("ws://127.0.0.1:" + proxy.port())
                        .pingInterval(Duration.ofMillis(300))
                        .pingTimeout(Duration.ofSeconds(2)),
                jobs::record);
        assertThat(worker.awaitRegistered(WAIT)).isTrue();
        String firstId = worker.workerId();

        proxy.freezeExisting(); // no close reaches either side: only the silence tells

        until(
                WAIT,
                "registered again under a new worker id",
                () -> worker.state() == WorkerState.REGISTERED && !firstId.equals(worker.workerId()));
        proxy.dropFrozen(); // now the server lets the old registration go, too

        String room = room();
        dispatches.create(room, "sofia-silent", "");
        assertThat(jobs.awaitRoom(room, WAIT).workerId()).isEqualTo(worker.workerId());
    }

    @Test
    void aDrainingWorkerDeclinesNewJobsAndFinishesItsRunningOne() throws Exception {
        JobRecorder drainingJobs = new JobRecorder();
        JobRecorder otherJobs = new JobRecorder();
        CountDownLatch finish = new CountDownLatch(1);
        List<String> hooks = new CopyOnWriteArrayList<>();
        AgentWorker draining = start(options("sofia-drain"), ctx -> {
            drainingJobs.record(ctx);
            ctx.addShutdownHook(() -> hooks.add(ctx.shutdownReason()));
            finish.await();
        });
        assertThat(draining.awaitRegistered(WAIT)).isTrue();
        String firstRoom = room();
        dispatches.create(firstRoom, "sofia-drain", "");
        JobContext running = drainingJobs.awaitRoom(firstRoom, WAIT);
        AgentWorker other = start(options("sofia-drain"), otherJobs::record);
        assertThat(other.awaitRegistered(WAIT)).isTrue();

        CompletableFuture<Boolean> drained = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> drained.complete(draining.drain(Duration.ofMinutes(2))));
        until(WAIT, "draining", () -> draining.state() == WorkerState.DRAINING);

        for (int i = 0; i < 3; i++) {
            String room = room();
            dispatches.create(room, "sofia-drain", "");
            otherJobs.awaitRoom(room, WAIT);
        }
        assertThat(drainingJobs.count()).isEqualTo(1);
        assertThat(draining.state()).isEqualTo(WorkerState.DRAINING);
        assertThat(drained).isNotDone();
        assertThat(running.isShuttingDown()).isFalse();

        finish.countDown();

        assertThat(drained.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(draining.state()).isEqualTo(WorkerState.CLOSED);
        assertThat(hooks).containsExactly("entrypoint returned");
        assertThat(draining.health().isHealthy()).isFalse();
    }

    @Test
    void aWorkerWithAWrongSecretStaysUnregisteredAndUnhealthy() throws Exception {
        AgentWorker worker = start(
                WorkerOptions.builder(server.url(), server.config().apiKey(), "not-the-secret-but-long-enough-1234")
                        .cpuLoad(() -> 0)
                        .reconnectDelays(Duration.ofMillis(100), Duration.ofMillis(400))
                        .meterRegistry(new SimpleMeterRegistry()),
                ctx -> {});
        HealthEndpoint endpoint = HealthEndpoint.start(new java.net.InetSocketAddress("127.0.0.1", 0), worker::health);
        cleanup.add(endpoint);

        assertThat(worker.awaitRegistered(Duration.ofSeconds(3))).isFalse();
        assertThat(worker.state()).isIn(WorkerState.CONNECTING, WorkerState.DISCONNECTED);
        assertThat(HealthEndpointTests.status(endpoint)).isEqualTo(503);

        AgentWorker good = start(options("sofia-health"), ctx -> {});
        HealthEndpoint goodEndpoint =
                HealthEndpoint.start(new java.net.InetSocketAddress("127.0.0.1", 0), good::health);
        cleanup.add(goodEndpoint);
        assertThat(good.awaitRegistered(WAIT)).isTrue();
        assertThat(HealthEndpointTests.status(goodEndpoint)).isEqualTo(200);
        good.close();
        assertThat(HealthEndpointTests.status(goodEndpoint)).isEqualTo(503);
    }

    private WorkerOptions.Builder options(String agentName) {
        return WorkerOptions.builder(
                        server.url(), server.config().apiKey(), server.config().apiSecret())
                .agentName(agentName)
                // the test machine's CPU must not decide which worker gets a job
                .cpuLoad(() -> 0)
                .roomOptions(RoomOptions.defaults().withServerIceServers(false))
                .reconnectDelays(Duration.ofMillis(200), Duration.ofSeconds(2))
                .meterRegistry(new SimpleMeterRegistry());
    }

    private AgentWorker start(WorkerOptions.Builder options, JobEntrypoint entrypoint) {
        AgentWorker worker = AgentWorker.start(options.build(), entrypoint);
        cleanup.add(worker);
        return worker;
    }

    private static void awaitRegistered(AgentWorker... workers) {
        for (AgentWorker worker : workers) {
            try {
                assertThat(worker.awaitRegistered(WAIT)).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private Room join(String room, String identity) {
        Room joined = Room.connect(
                server.url(),
                TestTokens.join(server.config(), room, identity),
                RoomOptions.defaults().withServerIceServers(false));
        cleanup.add(joined);
        return joined;
    }

    private static RemoteParticipant awaitAgent(Room room) {
        until(WAIT, "an agent joins " + room.name(), () -> agentIn(room).isPresent());
        return agentIn(room).orElseThrow();
    }

    private static Optional<RemoteParticipant> agentIn(Room room) {
        return room.remoteParticipants().values().stream()
                .filter(p -> p.kind() == ParticipantInfo.Kind.AGENT)
                .findFirst();
    }

    /** Whether the server logged "job ended" for the job with all the given words. */
    private static boolean serverLogged(String jobId, String... words) {
        return server.output()
                .lines()
                .filter(line -> line.contains("job ended") && line.contains(jobId))
                .anyMatch(line -> Arrays.stream(words).allMatch(line::contains));
    }

    private static SimpleMeterRegistry registry(AgentWorker worker) {
        return (SimpleMeterRegistry) worker.options().meterRegistry();
    }

    private static double count(AgentWorker worker, String counter) {
        return registry(worker).get(counter).counter().count();
    }

    private static String room() {
        return "room-" + UUID.randomUUID();
    }
}
