package dev.sofia.bench;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.livekit.local.LiveKitBinary;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Issue 4's benchmark: one JVM holding N rooms with two-way audio against a local livekit-server;
 * its CPU and resident memory per room, and how long a tone takes from the push into a room until
 * the other end detects it.
 *
 * <p>This JVM is the agent side and the one measured: in every room it publishes a tone in bursts
 * and listens to the caller's track with onset detection ({@link RoomsSide}). The callers run in a
 * second JVM ({@link RoomsCallers}, started here at the same priority, same class path) so that
 * their cost is not counted; livekit-server is a third process. Rooms are added in steps; at each, after a
 * settling time, the CPU ticks of every process (from {@code /proc}) are taken over a steady window,
 * then this JVM's resident set and, after a full GC, its live heap. N = 0 is the baseline: the
 * native library loaded and one peer connection factory created and disposed, no rooms. A step that
 * does not hold ({@link RoomsReport#holds}) is marked and the next still tried; the run stops only
 * when rooms cannot be joined or the server is gone.
 *
 * <p>System properties: {@code bench.steps} (default {@code 0,1,10,20,30,50,100}), {@code
 * bench.window} (seconds measured per step, default 15; longer at small N to collect {@code
 * bench.min-onsets}, default 60, onsets from the agent to the detecting callers), {@code
 * bench.settle} (seconds before each window, default 8), {@code bench.join-parallelism} (rooms
 * joined at once, default 4), {@code bench.output}, {@code bench.commit}. Run with {@code
 * --enable-native-access=ALL-UNNAMED} and {@code -XX:+AlwaysPreTouch} (bench/run-rooms.sh does),
 * so the fixed heap is resident from the start and the resident set grows only with what the rooms
 * add outside it.
 */
public final class RoomsBenchmark {

    static final String AGENT = "sofia";
    static final String CALLER = "caller";
    /** Callers that detect the agent's tone; the others only publish, to keep the caller JVM light. */
    static final int DETECTING_CALLERS = 10;

    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    /** What one step measured. */
    static final class Step {
        int rooms;
        double windowSeconds;
        Duration joinTime = Duration.ZERO;
        double agentCpu;
        long agentRss;
        long agentThreads;
        long liveHeap;
        double callerCpu;
        long callerRss;
        double serverCpu;
        long serverRss;
        double machineBusy;
        double othersCpu;
        final Samples agentToCaller = new Samples();
        int agentToCallerMissed;
        final Samples callerToAgent = new Samples();
        int callerToAgentMissed;
        RoomsSide.Counters agent;
        RoomsSide.Counters callers;
        Map<String, long[]> agentThreadGroups = Map.of();
    }

    private final LiveKitProcess server;
    private final long serverPid;
    private final Callers callers;
    private final RoomsSide agent;
    private final int settleSeconds;
    private final int windowSeconds;
    private final int minOnsets;
    private final int joinParallelism;
    final List<Step> steps = new ArrayList<>();
    String stoppedBecause;

    RoomsBenchmark(
            LiveKitProcess server,
            long serverPid,
            Callers callers,
            int settleSeconds,
            int windowSeconds,
            int minOnsets,
            int joinParallelism) {
        this.server = server;
        this.serverPid = serverPid;
        this.callers = callers;
        this.agent = new RoomsSide(server.url(), AGENT, RoomsSide.AGENT_HZ, RoomsSide.CALLER_HZ);
        this.settleSeconds = settleSeconds;
        this.windowSeconds = windowSeconds;
        this.minOnsets = minOnsets;
        this.joinParallelism = joinParallelism;
    }

    public static void main(String[] args) throws Exception {
        RoomsLogging.quiet();
        long started = System.nanoTime();
        List<Integer> stepSizes = Arrays.stream(
                        System.getProperty("bench.steps", "0,1,10,20,30,50,100").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        int window = Integer.getInteger("bench.window", 15);
        int settle = Integer.getInteger("bench.settle", 8);
        int minOnsets = Integer.getInteger("bench.min-onsets", 60);
        int parallelism = Integer.getInteger("bench.join-parallelism", 4);
        Path output = Path.of(System.getProperty("bench.output", "bench/results/rooms.md"));

        loadWebRtc();
        Samples detector = detectorDelays();
        String binary = System.getenv("LIVEKIT_SERVER_BIN");
        try (LiveKitProcess server =
                LiveKitProcess.start(LiveKitBinary.locate(binary), LiveKitServerConfig.onFreePorts())) {
            long serverPid = ProcessHandle.current()
                    .children()
                    .filter(p -> p.info().command().orElse("").endsWith("livekit-server"))
                    .mapToLong(ProcessHandle::pid)
                    .findFirst()
                    .orElse(-1);
            try (Callers callers = Callers.start(server.url())) {
                RoomsBenchmark bench =
                        new RoomsBenchmark(server, serverPid, callers, settle, window, minOnsets, parallelism);
                try {
                    bench.run(stepSizes);
                } finally {
                    bench.agent.close();
                }
                RoomsReport report = new RoomsReport(
                        bench,
                        RoomsReport.Machine.describe(LiveKitBinary.version(LiveKitBinary.locate(binary))),
                        detector,
                        settle,
                        Duration.ofNanos(System.nanoTime() - started));
                Files.createDirectories(output.toAbsolutePath().getParent());
                Files.writeString(output, report.markdown(), StandardCharsets.UTF_8);
                System.out.println("written " + output);
            }
        }
        System.exit(0);
    }

    void run(List<Integer> stepSizes) throws InterruptedException {
        for (int n : stepSizes) {
            int have = agent.rooms().size();
            if (n < have) {
                continue;
            }
            long joinStart = System.nanoTime();
            try {
                addRooms(have, n);
            } catch (RuntimeException e) {
                stoppedBecause = "joining rooms " + (have + 1) + "–" + n + " failed with "
                        + agent.rooms().size() + " agent rooms up: " + e.getMessage();
                System.out.println(stoppedBecause);
                return;
            }
            Duration joinTime = Duration.ofNanos(System.nanoTime() - joinStart);
            Step step = measure(n);
            step.joinTime = joinTime;
            steps.add(step);
            print(step);
            // A step that does not hold is reported as such, and the next is still tried: where a
            // machine runs out of cores is part of the result.
            if (!server.isAlive()) {
                stoppedBecause = "livekit-server exited after N = " + n;
                return;
            }
        }
    }

    private void addRooms(int from, int to) throws InterruptedException {
        Semaphore slots = new Semaphore(joinParallelism);
        List<CompletableFuture<Void>> joins = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int index = i;
            slots.acquire();
            CompletableFuture<Void> join = new CompletableFuture<>();
            joins.add(join);
            Thread.ofVirtual().start(() -> {
                try {
                    joinPair(index);
                    join.complete(null);
                } catch (RuntimeException e) {
                    join.completeExceptionally(e);
                } finally {
                    slots.release();
                }
            });
        }
        try {
            CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The agent joins and publishes, then its caller joins; both must hear each other's track. */
    private void joinPair(int index) {
        String room = "bench-room-%03d".formatted(index);
        LiveKitServerConfig config = server.config();
        long period = RoomsSide.PERIOD.toMillis();
        // Spread the rooms' utterances over the period (golden-ratio steps), callers half a period later.
        long phase = (long) (((index * 0.6180339887) % 1.0) * period);
        RoomsSide.SideRoom agentRoom = agent.join(
                room,
                RoomsSide.token(config.apiKey(), config.apiSecret(), room, AGENT),
                true,
                Duration.ofMillis(phase));
        String answer = callers.join(
                room,
                (phase + period / 2) % period,
                index < DETECTING_CALLERS,
                RoomsSide.token(config.apiKey(), config.apiSecret(), room, CALLER));
        if (!answer.startsWith("joined")) {
            throw new IllegalStateException("caller in " + room + ": " + answer);
        }
        agentRoom.awaitSubscribed();
    }

    private Step measure(int n) throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(settleSeconds));
        long self = ProcessHandle.current().pid();
        // Enough time for the wanted number of onsets from the detecting callers (agent to caller).
        int detecting = Math.max(1, Math.min(n, DETECTING_CALLERS));
        long periodMillis = RoomsSide.PERIOD.toMillis();
        int seconds = n == 0
                ? windowSeconds
                : (int) Math.max(
                        windowSeconds, Math.ceil((minOnsets + 2.0 * detecting) * periodMillis / 1000.0 / detecting));

        callers.report(Long.MAX_VALUE); // counters only
        RoomsSide.Counters callerStart = callers.lastCounters;
        long[] machine0 = ProcStats.machineTicks();
        Map<String, long[]> groups0 = ProcStats.threadGroups(self);
        long agent0 = ProcStats.cpuTicks(self);
        long caller0 = ProcStats.cpuTicks(callers.pid());
        long server0 = ProcStats.cpuTicks(serverPid);
        RoomsSide.Counters agentStart = agent.counters();
        long from = RoomsSide.nowMicros();
        long nanos0 = System.nanoTime();

        Thread.sleep(Duration.ofSeconds(seconds));

        long nanos1 = System.nanoTime();
        long to = RoomsSide.nowMicros();
        RoomsSide.Counters agentEnd = agent.counters();
        long agent1 = ProcStats.cpuTicks(self);
        long caller1 = ProcStats.cpuTicks(callers.pid());
        long server1 = ProcStats.cpuTicks(serverPid);
        Map<String, long[]> groups1 = ProcStats.threadGroups(self);
        long[] machine1 = ProcStats.machineTicks();

        Step step = new Step();
        step.rooms = n;
        step.windowSeconds = (nanos1 - nanos0) / 1e9;
        step.agentCpu = percentOfCore(agent1 - agent0, step.windowSeconds);
        step.callerCpu = percentOfCore(caller1 - caller0, step.windowSeconds);
        step.serverCpu = percentOfCore(server1 - server0, step.windowSeconds);
        long busy = machine1[0] - machine0[0];
        long total = machine1[1] - machine0[1];
        int cores = Runtime.getRuntime().availableProcessors();
        step.machineBusy = total == 0 ? Double.NaN : 100.0 * busy / total;
        // /proc/stat counts every core: whatever else ran on the machine, in % of one core.
        step.othersCpu = total == 0
                ? Double.NaN
                : 100.0 * cores * busy / total - step.agentCpu - step.callerCpu - step.serverCpu;
        step.agentThreadGroups = ProcStats.threadGroupDelta(groups0, groups1);
        step.agent = agentEnd.minus(agentStart);
        step.agentRss = ProcStats.rssBytes(self);
        step.agentThreads = ProcStats.threads(self);
        step.callerRss = ProcStats.rssBytes(callers.pid());
        step.serverRss = ProcStats.rssBytes(serverPid);

        Map<String, List<long[]>> callerEvents = callers.report(from);
        RoomsSide.Counters callerEnd = callers.lastCounters;
        step.callers = callerEnd.minus(callerStart);

        // Agent to caller: the agent's utterances in the detecting callers' rooms.
        Map<String, long[]> agentSpoke = new HashMap<>();
        Map<String, long[]> agentHeard = new HashMap<>();
        for (RoomsSide.SideRoom room : agent.rooms()) {
            agentSpoke.put(room.name, room.spoke.since(from));
            agentHeard.put(room.name, room.heard.since(from));
        }
        Map<String, long[]> callerSpoke = flatten(callerEvents.get("S"));
        Map<String, long[]> callerHeard = flatten(callerEvents.get("H"));
        Map<String, long[]> agentSpokeDetected = new HashMap<>();
        for (int i = 0; i < Math.min(n, DETECTING_CALLERS); i++) {
            String room = "bench-room-%03d".formatted(i);
            agentSpokeDetected.put(room, agentSpoke.get(room));
        }
        step.agentToCallerMissed = pair(agentSpokeDetected, callerHeard, from, to, step.agentToCaller);
        step.callerToAgentMissed = pair(callerSpoke, agentHeard, from, to, step.callerToAgent);

        // Memory of live Java objects, after the window so the collections do not disturb it.
        System.gc();
        System.gc();
        step.liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return step;
    }

    /**
     * Matches each utterance started in the window (and a full period before its end) with the first
     * onset heard in the same room within one period; adds the delays, returns the unmatched count.
     */
    static int pair(Map<String, long[]> spoke, Map<String, long[]> heard, long from, long to, Samples delays) {
        long period = RoomsSide.PERIOD.toNanos() / 1_000;
        int missed = 0;
        for (Map.Entry<String, long[]> room : spoke.entrySet()) {
            long[] starts = room.getValue();
            long[] onsets = heard.getOrDefault(room.getKey(), new long[0]);
            if (starts == null) {
                continue;
            }
            for (long start : starts) {
                if (start < from || start + period > to) {
                    continue;
                }
                int i = Arrays.binarySearch(onsets, start);
                int first = i >= 0 ? i : -i - 1;
                if (first < onsets.length && onsets[first] < start + period) {
                    delays.add((onsets[first] - start) * 1_000);
                } else {
                    missed++;
                }
            }
        }
        return missed;
    }

    private static Map<String, long[]> flatten(List<long[]> events) {
        Map<String, List<Long>> byRoom = new HashMap<>();
        if (events != null) {
            for (long[] e : events) {
                byRoom.computeIfAbsent("bench-room-%03d".formatted(e[0]), r -> new ArrayList<>())
                        .add(e[1]);
            }
        }
        Map<String, long[]> result = new HashMap<>();
        byRoom.forEach((room, list) -> result.put(
                room, list.stream().mapToLong(Long::longValue).sorted().toArray()));
        return result;
    }

    private static double percentOfCore(long ticks, double seconds) {
        return 100.0 * ticks / ProcStats.TICKS_PER_SECOND / seconds;
    }

    private static void print(Step s) {
        System.out.printf(
                "N=%d: agent %.1f %% of a core, RSS %.1f MiB, %d threads, live heap %.1f MiB; caller JVM %.1f %%, "
                        + "livekit-server %.1f %%, machine %.0f %% busy; onset agent->caller p50 %.1f ms (%d, %d missed), "
                        + "caller->agent p50 %.1f ms (%d, %d missed); dropped %d, late ticks %d; joined in %.1f s%n",
                s.rooms,
                s.agentCpu,
                s.agentRss / 1048576.0,
                s.agentThreads,
                s.liveHeap / 1048576.0,
                s.callerCpu,
                s.serverCpu,
                s.machineBusy,
                s.agentToCaller.p50(),
                s.agentToCaller.count(),
                s.agentToCallerMissed,
                s.callerToAgent.p50(),
                s.callerToAgent.count(),
                s.callerToAgentMissed,
                s.agent.droppedFrames(),
                s.agent.latePlayoutTicks(),
                s.joinTime.toMillis() / 1000.0);
    }

    /**
     * Loads webrtc-java's native library and lets libwebrtc do its one-time set-up by creating and
     * disposing one factory, so the baseline holds them and N = 1 does not.
     */
    private static void loadWebRtc() {
        HeadlessAudioDeviceModule device = new HeadlessAudioDeviceModule();
        PeerConnectionFactory factory = new PeerConnectionFactory(device);
        factory.dispose();
        device.dispose();
    }

    /**
     * The onset detector alone, on a clean tone that starts at every 4th sample offset within a 10
     * ms frame after silence: how long after the tone's first sample the detector fires (at the end
     * of a frame). This part of every measured onset delay is not transport.
     */
    static Samples detectorDelays() {
        Samples delays = new Samples();
        int rate = RoomsSide.LISTEN_RATE;
        int frame = AudioFrame.samplesPer10ms(rate);
        int silentFrames = 10;
        for (int offset = 0; offset < frame; offset += 4) {
            short[] signal = new short[frame * (silentFrames + 10)];
            int onset = silentFrames * frame + offset;
            short[] tone = new ToneGenerator(RoomsSide.AGENT_HZ, RoomsSide.AMPLITUDE, rate, 1)
                    .next(signal.length - onset)
                    .samples();
            System.arraycopy(tone, 0, signal, onset, tone.length);
            RoomsSide.OnsetDetector detector = new RoomsSide.OnsetDetector(RoomsSide.AGENT_HZ);
            for (int f = 0; f * frame < signal.length; f++) {
                AudioFrame audio = new AudioFrame(Arrays.copyOfRange(signal, f * frame, (f + 1) * frame), rate, 1);
                if (detector.accept(audio)) {
                    delays.add((long) (((f + 1) * frame - onset) * 1e9 / rate));
                    break;
                }
            }
        }
        return delays;
    }

    /** The callers' JVM, driven over its stdin and stdout (see {@link RoomsCallers}). */
    static final class Callers implements AutoCloseable {
        private final Process process;
        private final PrintStream in;
        private final Map<String, CompletableFuture<String>> joins = new ConcurrentHashMap<>();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        volatile RoomsSide.Counters lastCounters = new RoomsSide.Counters(0, 0, 0, 0, 0, 0);

        private Callers(Process process) {
            this.process = process;
            this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().name("callers-reader").start(this::readAnswers);
        }

        static Callers start(String url) {
            List<String> command = new ArrayList<>();
            command.addAll(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-Xms256m",
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    RoomsCallers.class.getName(),
                    url));
            try {
                return new Callers(new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the callers' JVM", e);
            }
        }

        long pid() {
            return process.pid();
        }

        String join(String room, long phaseMillis, boolean detect, String token) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            joins.put(room, answer);
            send("join " + room + " " + phaseMillis + " " + (detect ? 1 : 0) + " " + token);
            try {
                return answer.get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("caller did not join " + room + " in time", e);
            }
        }

        /**
         * Events since {@code fromMicros} by kind ("S" started, "H" heard: room index and instant);
         * the counters go to {@link #lastCounters}.
         */
        Map<String, List<long[]>> report(long fromMicros) throws InterruptedException {
            lines.clear();
            send("report " + fromMicros);
            Map<String, List<long[]>> events = new HashMap<>();
            while (true) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                if (line == null) {
                    throw new IllegalStateException("the callers' JVM did not report");
                }
                if (line.equals("end")) {
                    return events;
                }
                String[] f = line.split(" ");
                if (f[0].equals("C")) {
                    lastCounters = new RoomsSide.Counters(
                            0,
                            Long.parseLong(f[1]),
                            Long.parseLong(f[2]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4]),
                            Long.parseLong(f[5]));
                } else if (f[0].equals("S") || f[0].equals("H")) {
                    long room = Long.parseLong(f[1].substring(f[1].lastIndexOf('-') + 1));
                    events.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new long[] {room, Long.parseLong(f[2])});
                }
            }
        }

        private synchronized void send(String line) {
            in.println(line);
        }

        private void readAnswers() {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("joined ") || line.startsWith("failed ")) {
                        String room = line.split(" ")[1];
                        CompletableFuture<String> answer = joins.remove(room);
                        if (answer != null) {
                            answer.complete(line);
                        }
                    } else {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            joins.values().forEach(f -> f.complete("failed the callers' JVM exited"));
        }

        @Override
        public void close() {
            send("quit");
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
