package dev.sofia.bench;

import dev.sofia.livekit.local.LiveKitBinary;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 5's benchmark: our Java agent worker ({@code agents-livekit}'s {@code AgentWorker}) side by
 * side with the Python {@code livekit-agents} worker, both running a minimal agent against the same
 * local livekit-server in the same run: dispatch-to-joined latency, idle worker memory, and memory and
 * CPU per idle job.
 *
 * <p>This JVM is the driver and is not measured. Each worker is a child process with its own process
 * tree ({@link WorkersProcess}): the Java worker in a JVM of its own ({@link WorkersJavaAgent}, agent
 * {@code bench-java}), the Python worker as {@code python bench/peers/minimal_agent.py start} (agent
 * {@code bench-python}). The driver talks to livekit-server only over HTTP (Twirp CreateDispatch and
 * DeleteRoom) and learns of joins from the server's own {@code participant_joined} webhook, received by
 * a JDK HttpServer here ({@link WorkersLiveKit}).
 *
 * <p>Phases: (1) both workers registered and idle: memory and CPU over a window; (2) dispatches into
 * fresh rooms, one at a time, alternating between the workers (which goes first alternates too), each
 * timed from just before CreateDispatch to the webhook, the room deleted after the join and a gap
 * before the next; the first {@code bench.warmup} per worker are not counted; (3) idle again, the
 * baseline for per-job figures; (4) K idle jobs held per worker (both at once), for each K: memory and
 * CPU of each tree over a window. Per job = (value at K − value at step 3) ÷ K.
 *
 * <p>System properties: {@code bench.dispatches} (counted per worker, default 100), {@code
 * bench.warmup} (default 5), {@code bench.gap-ms} (after each room is deleted, default 300), {@code
 * bench.jobs} (K, default {@code 10,20}), {@code bench.settle} (seconds, default 8), {@code
 * bench.window} (seconds, default 15), {@code bench.agents-venv} (default {@code
 * ~/.cache/sofia/venv-agents}), {@code bench.java-worker-opts} (the worker JVM's options, default
 * {@code -Xmx512m}), {@code bench.output}, {@code bench.commit}.
 */
public final class WorkersBenchmark {

    static final String JAVA_AGENT = "bench-java";
    static final String PYTHON_AGENT = "bench-python";
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /** One measured state of both workers. */
    static final class Snapshot {
        final String name;
        final int jobs;
        double windowSeconds;
        final Map<String, WorkersProcess.Tree> trees = new LinkedHashMap<>();
        final Map<String, Double> cpu = new LinkedHashMap<>();
        long javaLiveHeap = -1;
        double machineBusy;

        Snapshot(String name, int jobs) {
            this.name = name;
            this.jobs = jobs;
        }
    }

    /** The dispatches of one worker. */
    static final class Dispatches {
        final Samples toJoined = new Samples();
        final Samples serverJoinedAt = new Samples();
        final Samples createCall = new Samples();
        final List<Double> warmup = new ArrayList<>();
        final List<String> rooms = new ArrayList<>();
        /** From the server's log: CreateDispatch handled → job assigned to the worker. */
        final Samples serverToAssigned = new Samples();
        /** From the server's log: job assigned → the agent participant active in the room. */
        final Samples assignedToActive = new Samples();

        int failed;
    }

    final Map<String, Dispatches> dispatches = new LinkedHashMap<>();
    final List<Snapshot> snapshots = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    private final WorkersLiveKit liveKit;
    private final WorkersProcess java;
    private final WorkersProcess python;
    private final int settleSeconds;
    private final int windowSeconds;
    private final int gapMillis;
    private int roomCounter;

    WorkersBenchmark(
            WorkersLiveKit liveKit,
            WorkersProcess java,
            WorkersProcess python,
            int settleSeconds,
            int windowSeconds,
            int gapMillis) {
        this.liveKit = liveKit;
        this.java = java;
        this.python = python;
        this.settleSeconds = settleSeconds;
        this.windowSeconds = windowSeconds;
        this.gapMillis = gapMillis;
        dispatches.put(java.label, new Dispatches());
        dispatches.put(python.label, new Dispatches());
    }

    public static void main(String[] args) throws Exception {
        RoomsLogging.quiet();
        long started = System.nanoTime();
        int count = Integer.getInteger("bench.dispatches", 100);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int gap = Integer.getInteger("bench.gap-ms", 300);
        List<Integer> jobSteps = Arrays.stream(
                        System.getProperty("bench.jobs", "10,20").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        int settle = Integer.getInteger("bench.settle", 8);
        int window = Integer.getInteger("bench.window", 15);
        Path venv = Path.of(
                System.getProperty("bench.agents-venv", System.getProperty("user.home") + "/.cache/sofia/venv-agents"));
        List<String> javaOpts = Arrays.stream(
                        System.getProperty("bench.java-worker-opts", "-Xmx512m").split("\\s+"))
                .filter(s -> !s.isBlank())
                .toList();
        Path output = Path.of(System.getProperty("bench.output", "bench/results/workers.md"));
        Path agentScript = Path.of("bench/peers/minimal_agent.py").toAbsolutePath();
        Path python = venv.resolve("bin/python");
        if (!Files.isExecutable(python) || !Files.isRegularFile(agentScript)) {
            throw new IllegalStateException("need " + python + " (scripts/setup.sh ensure_bench_peers) and "
                    + agentScript + "; run bench/run-workers.sh");
        }

        String binary = System.getenv("LIVEKIT_SERVER_BIN");
        Path workDir = Files.createTempDirectory("sofia-workers-bench-");
        try (WorkersLiveKit liveKit = WorkersLiveKit.startWebhooks();
                LiveKitProcess server = LiveKitProcess.start(
                        LiveKitBinary.locate(binary),
                        LiveKitServerConfig.onFreePorts().withWebhookUrls(List.of(liveKit.url())))) {
            LiveKitServerConfig config = server.config();
            liveKit.server(config);
            long serverPid = ProcessHandle.current()
                    .children()
                    .filter(p -> p.info().command().orElse("").endsWith("livekit-server"))
                    .mapToLong(ProcessHandle::pid)
                    .findFirst()
                    .orElse(-1);
            Map<String, String> env = Map.of(
                    "LIVEKIT_URL", server.url(),
                    "LIVEKIT_API_KEY", config.apiKey(),
                    "LIVEKIT_API_SECRET", config.apiSecret(),
                    "BENCH_AGENT_NAME", PYTHON_AGENT);
            List<String> javaCommand = new ArrayList<>();
            javaCommand.add(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString());
            javaCommand.add("--enable-native-access=ALL-UNNAMED");
            javaCommand.addAll(javaOpts);
            javaCommand.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    WorkersJavaAgent.class.getName(),
                    server.url(),
                    config.apiKey(),
                    config.apiSecret(),
                    JAVA_AGENT));
            try (WorkersProcess javaWorker = WorkersProcess.start(
                            "Java",
                            JAVA_AGENT,
                            javaCommand,
                            Map.of(),
                            Path.of("").toAbsolutePath(),
                            workDir.resolve("java-worker.log"),
                            "REGISTERED ");
                    WorkersProcess pythonWorker = WorkersProcess.start(
                            "Python",
                            PYTHON_AGENT,
                            List.of(python.toString(), agentScript.toString(), "start"),
                            env,
                            agentScript.getParent(),
                            workDir.resolve("python-worker.log"),
                            "registered worker")) {
                for (WorkersProcess w : List.of(javaWorker, pythonWorker)) {
                    if (!w.awaitRegistered(Duration.ofSeconds(60))) {
                        throw new IllegalStateException(
                                "the " + w.label + " worker did not register within 60 s:\n" + w.tail());
                    }
                }
                System.out.println("both workers registered");
                WorkersBenchmark bench = new WorkersBenchmark(liveKit, javaWorker, pythonWorker, settle, window, gap);
                List<String> open = new ArrayList<>();
                try {
                    bench.snapshots.add(bench.measure("idle, fresh", 0));
                    bench.dispatchInterleaved(count, warmup);
                    bench.snapshots.add(bench.measure("idle, after the dispatches", 0));
                    int held = 0;
                    for (int k : jobSteps) {
                        for (; held < k; held++) {
                            for (WorkersProcess w : held % 2 == 0
                                    ? List.of(javaWorker, pythonWorker)
                                    : List.of(pythonWorker, javaWorker)) {
                                String room = bench.nextRoom(w, "held");
                                bench.dispatchAndWait(w, room);
                                open.add(room);
                            }
                        }
                        bench.snapshots.add(bench.measure(k + " idle jobs each", k));
                    }
                } finally {
                    for (String room : open) {
                        try {
                            liveKit.deleteRoom(room);
                        } catch (RuntimeException e) {
                            System.err.println("could not delete " + room + ": " + e.getMessage());
                        }
                    }
                }
                if (serverPid > 0) {
                    bench.notes.add("livekit-server RSS at the end: "
                            + Math.round(ProcStats.rssBytes(serverPid) / 1048576.0) + " MB");
                }
                Thread.sleep(2000); // let the jobs end before the workers are stopped
                javaWorker.send("quit");
                String serverLog = server.output();
                Files.writeString(workDir.resolve("livekit-server.log"), serverLog, StandardCharsets.UTF_8);
                bench.splitFromServerLog(serverLog);
                WorkersReport report = new WorkersReport(
                        bench,
                        WorkersReport.Machine.describe(binary, python),
                        javaOpts,
                        count,
                        warmup,
                        gap,
                        settle,
                        window,
                        Duration.ofNanos(System.nanoTime() - started));
                Files.createDirectories(output.toAbsolutePath().getParent());
                Files.writeString(output, report.markdown(), StandardCharsets.UTF_8);
                System.out.println(report.summary());
                System.out.println("written " + output + " (worker logs in " + workDir + ")");
            }
        }
        System.exit(0);
    }

    /**
     * Splits each counted dispatch by the server's own log lines (millisecond timestamps): {@code API
     * AgentDispatchService.CreateDispatch} (logged when the call is handled), {@code assigned job to
     * worker} (the worker accepted the offer and got the assignment) and {@code participant active}
     * (the agent joined).
     */
    void splitFromServerLog(String log) {
        Map<String, long[]> byRoom = new HashMap<>();
        for (String line : log.lines().toList()) {
            String[] f = line.split("\t");
            if (f.length < 6) {
                continue;
            }
            int event = switch (f[4]) {
                case "API AgentDispatchService.CreateDispatch" -> 0;
                case "assigned job to worker" -> 1;
                case "participant active" -> 2;
                default -> -1;
            };
            Matcher room = Pattern.compile("\"room\": \"([^\"]+)\"").matcher(f[5]);
            if (event < 0 || !room.find()) {
                continue;
            }
            try {
                long millis = Instant.parse(f[0]).toEpochMilli();
                byRoom.computeIfAbsent(room.group(1), r -> new long[] {-1, -1, -1})[event] = millis;
            } catch (DateTimeParseException e) {
                // not a log line of the usual shape
            }
        }
        for (Dispatches d : dispatches.values()) {
            for (String room : d.rooms) {
                long[] t = byRoom.get(room);
                if (t == null || t[0] < 0 || t[1] < 0 || t[2] < 0) {
                    continue;
                }
                d.serverToAssigned.add((t[1] - t[0]) * 1_000_000);
                d.assignedToActive.add((t[2] - t[1]) * 1_000_000);
            }
        }
    }

    String nextRoom(WorkersProcess worker, String kind) {
        return "wb-%s-%s-%04d".formatted(worker.agentName, kind, ++roomCounter);
    }

    /** Alternates the two workers, which one goes first alternating per round. */
    void dispatchInterleaved(int count, int warmup) throws InterruptedException {
        for (int i = 0; i < warmup + count; i++) {
            List<WorkersProcess> order = i % 2 == 0 ? List.of(java, python) : List.of(python, java);
            for (WorkersProcess w : order) {
                String room = nextRoom(w, "d");
                Dispatches d = dispatches.get(w.label);
                try {
                    long[] t = dispatchAndWait(w, room);
                    if (i < warmup) {
                        d.warmup.add(t[0] / 1e6);
                    } else {
                        d.toJoined.add(t[0]);
                        d.createCall.add(t[1]);
                        d.rooms.add(room);
                        if (t[2] >= 0) {
                            d.serverJoinedAt.add(t[2]);
                        }
                    }
                } catch (IllegalStateException e) {
                    d.failed++;
                    System.err.println(w.label + ": " + e.getMessage());
                }
                liveKit.deleteRoom(room);
                Thread.sleep(gapMillis);
            }
            if ((i + 1) % 20 == 0) {
                System.out.printf(
                        "%d dispatches each: Java p50 %.1f ms, Python p50 %.1f ms%n",
                        i + 1,
                        dispatches.get(java.label).toJoined.p50(),
                        dispatches.get(python.label).toJoined.p50());
            }
        }
    }

    /**
     * Dispatches {@code worker}'s agent into {@code room} and waits for its participant_joined
     * webhook. Returns nanoseconds: to the webhook, the CreateDispatch call itself, and to the
     * server's {@code joined_at_ms} (milliseconds of wall clock, -1 if the server sent none).
     */
    long[] dispatchAndWait(WorkersProcess worker, String room) throws InterruptedException {
        var joined = liveKit.expectAgent(room);
        long wallBefore = System.currentTimeMillis();
        long before = System.nanoTime();
        liveKit.createDispatch(room, worker.agentName);
        long created = System.nanoTime();
        try {
            WorkersLiveKit.Joined j = joined.get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long serverMillis = j.joinedAtMillis() > 0 ? j.joinedAtMillis() - wallBefore : -1;
            return new long[] {
                j.receivedNanos() - before, created - before, serverMillis < 0 ? -1 : serverMillis * 1_000_000
            };
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "no agent joined " + room + " within " + JOIN_TIMEOUT.toSeconds() + " s:\n" + worker.tail(), e);
        }
    }

    /** After the settling time: both trees' CPU over the window, then their memory. */
    Snapshot measure(String name, int jobs) throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(settleSeconds));
        Snapshot s = new Snapshot(name, jobs);
        long[] machine0 = ProcStats.machineTicks();
        WorkersProcess.Tree java0 = java.tree();
        WorkersProcess.Tree python0 = python.tree();
        long nanos0 = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(windowSeconds));
        WorkersProcess.Tree java1 = java.tree();
        WorkersProcess.Tree python1 = python.tree();
        long nanos1 = System.nanoTime();
        long[] machine1 = ProcStats.machineTicks();
        s.windowSeconds = (nanos1 - nanos0) / 1e9;
        s.trees.put(java.label, java1);
        s.trees.put(python.label, python1);
        s.cpu.put(java.label, percentOfCore(java1.ticksSince(java0), s.windowSeconds));
        s.cpu.put(python.label, percentOfCore(python1.ticksSince(python0), s.windowSeconds));
        long total = machine1[1] - machine0[1];
        s.machineBusy = total == 0 ? Double.NaN : 100.0 * (machine1[0] - machine0[0]) / total;
        // The Java worker's live heap, after the window so the collections do not disturb it.
        java.clearLines();
        java.send("gc");
        String heap = java.awaitLine("HEAP ", Duration.ofSeconds(30));
        if (heap != null) {
            s.javaLiveHeap = Long.parseLong(heap.substring(5).trim());
        }
        System.out.printf(
                "%s: Java %d process(es), RSS %.1f MB, PSS %.1f MB, CPU %.2f %%, live heap %.1f MB; "
                        + "Python %d processes, RSS %.1f MB, PSS %.1f MB, CPU %.2f %%; machine %.0f %% busy%n",
                name,
                java1.processes(),
                java1.rssBytes() / 1048576.0,
                java1.pssBytes() / 1048576.0,
                s.cpu.get(java.label),
                s.javaLiveHeap / 1048576.0,
                python1.processes(),
                python1.rssBytes() / 1048576.0,
                python1.pssBytes() / 1048576.0,
                s.cpu.get(python.label),
                s.machineBusy);
        return s;
    }

    private static double percentOfCore(long ticks, double seconds) {
        return 100.0 * ticks / ProcStats.TICKS_PER_SECOND / seconds;
    }

    /** {@code <command> --version}-style output of a short command, or "unknown". */
    static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(20, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
