package dev.sofia.bench;

import dev.sofia.livekit.local.LiveKitBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The workers benchmark's markdown result (bench/results/workers.md). */
final class WorkersReport {

    static final double MEMORY_GOAL = 5.0;

    /** Where and with what the run happened. */
    record Machine(
            String date,
            int cores,
            String cpu,
            long memoryBytes,
            String os,
            String jdk,
            String liveKitServer,
            String python,
            String agents,
            String commit) {

        static Machine describe(String configuredBinary, Path python) {
            String server = LiveKitBinary.version(LiveKitBinary.locate(configuredBinary));
            String pythonVersion = WorkersBenchmark.run(List.of(python.toString(), "--version"));
            String agents = WorkersBenchmark.run(List.of(
                            python.toString(),
                            "-c",
                            "from importlib.metadata import version as v; "
                                    + "print(f\"livekit-agents {v('livekit-agents')}, livekit (rtc) {v('livekit')}\")"))
                    .lines()
                    .reduce((a, b) -> b)
                    .orElse("unknown");
            return new Machine(
                    ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                    Runtime.getRuntime().availableProcessors(),
                    firstValue("/proc/cpuinfo", "model name"),
                    memTotal(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"),
                    System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                    server,
                    pythonVersion,
                    agents,
                    System.getProperty("bench.commit", "an unknown commit"));
        }

        private static String firstValue(String file, String key) {
            try (Stream<String> lines = Files.lines(Path.of(file))) {
                return lines.filter(l -> l.startsWith(key))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse("unknown");
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }

        private static long memTotal() {
            String kb = firstValue("/proc/meminfo", "MemTotal").split("\\s+")[0];
            try {
                return Long.parseLong(kb) * 1024;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    private final WorkersBenchmark bench;
    private final Machine machine;
    private final List<String> javaOpts;
    private final int count;
    private final int warmup;
    private final int gap;
    private final int settle;
    private final int window;
    private final Duration took;
    private final StringBuilder md = new StringBuilder();

    WorkersReport(
            WorkersBenchmark bench,
            Machine machine,
            List<String> javaOpts,
            int count,
            int warmup,
            int gap,
            int settle,
            int window,
            Duration took) {
        this.bench = bench;
        this.machine = machine;
        this.javaOpts = javaOpts;
        this.count = count;
        this.warmup = warmup;
        this.gap = gap;
        this.settle = settle;
        this.window = window;
        this.took = took;
    }

    private WorkersBenchmark.Dispatches java() {
        return bench.dispatches.get("Java");
    }

    private WorkersBenchmark.Dispatches python() {
        return bench.dispatches.get("Python");
    }

    private WorkersBenchmark.Snapshot snapshot(int index) {
        return bench.snapshots.get(index);
    }

    /** The warm idle state, the baseline of the per-job figures. */
    private WorkersBenchmark.Snapshot baseline() {
        return bench.snapshots.stream()
                .filter(s -> s.jobs == 0)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private WorkersBenchmark.Snapshot largest() {
        return bench.snapshots.stream()
                .filter(s -> s.jobs > 0)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    double perJob(WorkersBenchmark.Snapshot s, String worker, char what) {
        WorkersBenchmark.Snapshot base = baseline();
        return switch (what) {
            case 'r' -> (s.trees.get(worker).rssBytes() - base.trees.get(worker).rssBytes()) / (double) s.jobs;
            case 'p' -> (s.trees.get(worker).pssBytes() - base.trees.get(worker).pssBytes()) / (double) s.jobs;
            case 'c' -> (s.cpu.get(worker) - base.cpu.get(worker)) / s.jobs;
            case 'h' -> (s.javaLiveHeap - base.javaLiveHeap) / (double) s.jobs;
            default -> throw new IllegalArgumentException(String.valueOf(what));
        };
    }

    /** Java's memory per job counted generously: RSS growth plus live heap growth. */
    double javaMemoryPerJob(WorkersBenchmark.Snapshot s) {
        return perJob(s, "Java", 'r') + Math.max(0, perJob(s, "Java", 'h'));
    }

    String summary() {
        WorkersBenchmark.Snapshot k = largest();
        return String.format(
                Locale.ROOT,
                "dispatch-to-joined p50 Java %.1f ms, Python %.1f ms (x%.2f); p95 Java %.1f ms, Python %.1f ms (x%.2f); "
                        + "idle RSS Java %s, Python %s; at K=%d per job Java %s (RSS+heap), Python %s PSS / %s RSS (x%.1f PSS)",
                java().toJoined.p50(),
                python().toJoined.p50(),
                python().toJoined.p50() / java().toJoined.p50(),
                java().toJoined.p95(),
                python().toJoined.p95(),
                python().toJoined.p95() / java().toJoined.p95(),
                mb(snapshot(0).trees.get("Java").rssBytes()),
                mb(snapshot(0).trees.get("Python").rssBytes()),
                k.jobs,
                mb(javaMemoryPerJob(k)),
                mb(perJob(k, "Python", 'p')),
                mb(perJob(k, "Python", 'r')),
                perJob(k, "Python", 'p') / javaMemoryPerJob(k));
    }

    String markdown() {
        line("# Workers benchmark: Java `AgentWorker` beside Python `livekit-agents`");
        line("");
        line(
                "Measured %s on %s: %d cores (%s), %.0f GiB, %s, %s; livekit-server %s (local child process, dev mode, "
                        + "loopback); %s with %s.",
                machine.date(),
                machine.commit(),
                machine.cores(),
                machine.cpu(),
                machine.memoryBytes() / 1073741824.0,
                machine.os(),
                machine.jdk(),
                machine.liveKitServer(),
                machine.agents(),
                machine.python());
        line("");
        method();
        goals();
        dispatchTable();
        memoryTables();
        caveats();
        return md.toString();
    }

    private void method() {
        line(
                "Method: `bench/run-workers.sh` (`WorkersBenchmark`), %d min %d s in all. One livekit-server, two workers "
                        + "registered with it at once under different agent names, each a child process of the driver "
                        + "(which is not measured):",
                took.toMinutes(), took.toSecondsPart());
        line("");
        line(
                "- **Java**: `WorkersJavaAgent` in its own JVM (`java --enable-native-access=ALL-UNNAMED %s`), an "
                        + "`AgentWorker` for agent `bench-java`; the worker joins the room (`Room.connect`, audio "
                        + "subscribed by default), then the entrypoint is `ctx.awaitShutdown()`. All jobs are virtual "
                        + "threads in this one JVM.",
                String.join(" ", javaOpts));
        line("- **Python**: `bench/peers/minimal_agent.py start` (production mode), `AgentServer` with "
                + "`rtc_session(agent_name=\"bench-python\")`; the entrypoint is `await ctx.connect(auto_subscribe="
                + "AUDIO_ONLY)` and then waits for the room's `disconnected`. The SDK's defaults for jobs: every job "
                + "runs in a process of its own, forked by a forkserver that preloads the SDK, and a pool of "
                + "prewarmed idle processes (one per core here) waits for the next jobs; a resource tracker process "
                + "runs beside them. The worker's whole process tree is measured.");
        line("- Both: the worker reports a load of 0 and has no load threshold (Java `cpuLoad(() -> 0)`, "
                + "`loadThreshold(+inf)`; Python `load_fnc` returning 0, `load_threshold=math.inf`). By default both "
                + "report the system CPU as their load, and on this small shared machine that alone can reach the "
                + "threshold or 1.0, at which livekit-server offers the worker nothing and the dispatch is lost (a "
                + "trial run lost 4 of 20 that way, on both workers); with one worker per agent name the load has "
                + "no other effect. The Java worker's `maxJobs` is 1000 (the Python worker has no job limit). "
                + "Nothing else differs from the defaults.");
        line("");
        line(
                "Dispatch-to-joined: the driver calls Twirp `AgentDispatchService/CreateDispatch` (JDK HttpClient, admin "
                        + "token) for a fresh room and times from just before the call to the arrival of the server's "
                        + "own `participant_joined` webhook for the agent (kind AGENT) at the driver's JDK HttpServer "
                        + "(loopback); the server's `joined_at_ms` minus the wall clock before the call is shown too "
                        + "(millisecond resolution, no webhook delivery in it). The room is then deleted "
                        + "(`RoomService/DeleteRoom`, which ends the job) and the next dispatch follows %d ms later. "
                        + "The workers alternate, one dispatch each per round, and which goes first alternates per "
                        + "round, so drift of this shared machine hits both; %d rounds, after %d warm-up rounds that are "
                        + "not counted.",
                gap, count, warmup);
        line("");
        line(
                "Memory and CPU: for each worker, the sum over the worker's process and all its descendants "
                        + "(`ProcessHandle.descendants()`) of `VmRSS`, of `Pss` "
                        + "(`/proc/<pid>/smaps_rollup`: shared pages divided among the processes that map them) and "
                        + "of `utime + stime` over a steady window of %d s after %d s of settling (CPU in %% of one "
                        + "core). For a single JVM PSS ≈ RSS; for Python's forked processes summed RSS counts every "
                        + "shared copy-on-write page once per process, so PSS is the fair footprint and RSS the upper "
                        + "bound. States: idle right after registration; idle after the dispatches (the baseline); "
                        + "then K idle jobs held by each worker at once. Per job = (value with K jobs − baseline) ÷ K. "
                        + "The Java worker's live heap after a full GC (its own `System.gc()`, on the driver's "
                        + "request) is shown as well; its heap is not pre-touched, so heap growth may or may not show "
                        + "in its RSS: Java's memory per job below is RSS growth plus live-heap growth, which can count "
                        + "some of it twice (in Python's favour).",
                window, settle);
        line("");
    }

    private void goals() {
        WorkersBenchmark.Snapshot k = largest();
        double p50 = python().toJoined.p50() / java().toJoined.p50();
        double p95 = python().toJoined.p95() / java().toJoined.p95();
        double pss = perJob(k, "Python", 'p') / javaMemoryPerJob(k);
        double rss = perJob(k, "Python", 'r') / javaMemoryPerJob(k);
        line("## Goals");
        line("");
        line("| Goal | Java | Python | Python ÷ Java | Verdict |");
        line("|---|---:|---:|---:|---|");
        line(
                "| dispatch-to-joined faster than Python's, p50 | %s | %s | %.2f | %s |",
                ms(java().toJoined.p50()), ms(python().toJoined.p50()), p50, p50 > 1 ? "**met**" : "**missed**");
        line(
                "| dispatch-to-joined faster than Python's, p95 | %s | %s | %.2f | %s |",
                ms(java().toJoined.p95()), ms(python().toJoined.p95()), p95, p95 > 1 ? "**met**" : "**missed**");
        line(
                "| memory per job ≥ 5× lower, K = %d (Java RSS + heap vs Python PSS) | %s | %s | %.1f | %s |",
                k.jobs,
                mb(javaMemoryPerJob(k)),
                mb(perJob(k, "Python", 'p')),
                pss,
                pss >= MEMORY_GOAL ? "**met**" : "**missed**");
        line(
                "| the same against Python's summed RSS | %s | %s | %.1f | %s |",
                mb(javaMemoryPerJob(k)), mb(perJob(k, "Python", 'r')), rss, rss >= MEMORY_GOAL ? "met" : "missed");
        line("");
    }

    private void dispatchTable() {
        line("## Dispatch to joined");
        line("");
        line(
                "| worker | dispatches | failed | p50 | p95 | max | mean | server `joined_at` p50 | p95 | CreateDispatch call p50 | warm-up (first %d) |",
                warmup);
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (var e : bench.dispatches.entrySet()) {
            WorkersBenchmark.Dispatches d = e.getValue();
            line(
                    "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s |",
                    e.getKey(),
                    d.toJoined.count(),
                    d.failed,
                    ms(d.toJoined.p50()),
                    ms(d.toJoined.p95()),
                    ms(d.toJoined.percentileMillis(100)),
                    ms(d.toJoined.meanMillis()),
                    ms(d.serverJoinedAt.p50()),
                    ms(d.serverJoinedAt.p95()),
                    ms(d.createCall.p50()),
                    String.join(
                                    ", ",
                                    d.warmup.stream()
                                            .map(v -> String.format(Locale.ROOT, "%.0f", v))
                                            .toList()) + " ms");
        }
        line(
                "| **Python ÷ Java** |  |  | **%.2f** | **%.2f** | %.2f | %.2f | %.2f | %.2f |  |  |",
                python().toJoined.p50() / java().toJoined.p50(),
                python().toJoined.p95() / java().toJoined.p95(),
                python().toJoined.percentileMillis(100) / java().toJoined.percentileMillis(100),
                python().toJoined.meanMillis() / java().toJoined.meanMillis(),
                python().serverJoinedAt.p50() / java().serverJoinedAt.p50(),
                python().serverJoinedAt.p95() / java().serverJoinedAt.p95());
        line("");
        line(
                "Where the time goes, from livekit-server's own log (millisecond timestamps): from the CreateDispatch call "
                        + "handled to `assigned job to worker` (the server's dispatch, its offer to the worker, the worker's "
                        + "accept, the assignment) and from there to `participant active` (the worker's job joins the room: "
                        + "for Python also handing the job to a prewarmed process).");
        line("");
        line("| worker | rooms | CreateDispatch → assigned p50 | p95 | assigned → participant active p50 | p95 |");
        line("|---|---:|---:|---:|---:|---:|");
        for (var e : bench.dispatches.entrySet()) {
            WorkersBenchmark.Dispatches d = e.getValue();
            line(
                    "| %s | %d | %s | %s | %s | %s |",
                    e.getKey(),
                    d.assignedToActive.count(),
                    ms(d.serverToAssigned.p50()),
                    ms(d.serverToAssigned.p95()),
                    ms(d.assignedToActive.p50()),
                    ms(d.assignedToActive.p95()));
        }
        line(
                "| **Python ÷ Java** |  | %.2f | %.2f | **%.2f** | **%.2f** |",
                python().serverToAssigned.p50() / java().serverToAssigned.p50(),
                python().serverToAssigned.p95() / java().serverToAssigned.p95(),
                python().assignedToActive.p50() / java().assignedToActive.p50(),
                python().assignedToActive.p95() / java().assignedToActive.p95());
        line("");
    }

    private void memoryTables() {
        WorkersBenchmark.Snapshot fresh = snapshot(0);
        line("## Idle worker");
        line("");
        line("Right after registration, no job yet (Python: its worker, forkserver, resource tracker and prewarmed "
                + "idle job processes).");
        line("");
        line("| worker | processes | RSS (sum) | PSS (sum) | CPU, % of a core |");
        line("|---|---:|---:|---:|---:|");
        for (String w : List.of("Java", "Python")) {
            WorkersProcess.Tree t = fresh.trees.get(w);
            line(
                    "| %s | %d | %s | %s | %.2f |",
                    w, t.processes(), mb(t.rssBytes()), mb(t.pssBytes()), fresh.cpu.get(w));
        }
        line(
                "| **Python ÷ Java** |  | **%.1f** | **%.1f** | %.1f |",
                (double) fresh.trees.get("Python").rssBytes()
                        / fresh.trees.get("Java").rssBytes(),
                (double) fresh.trees.get("Python").pssBytes()
                        / fresh.trees.get("Java").pssBytes(),
                fresh.cpu.get("Python") / fresh.cpu.get("Java"));
        line("");
        line("## Every state measured");
        line("");
        line(
                "| state | window | machine busy | Java RSS | Java live heap | Java CPU | Python processes | Python RSS (sum) | Python PSS (sum) | Python CPU |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (WorkersBenchmark.Snapshot s : bench.snapshots) {
            WorkersProcess.Tree j = s.trees.get("Java");
            WorkersProcess.Tree p = s.trees.get("Python");
            line(
                    "| %s | %.0f s | %.0f %% | %s | %s | %.2f %% | %d | %s | %s | %.2f %% |",
                    s.name,
                    s.windowSeconds,
                    s.machineBusy,
                    mb(j.rssBytes()),
                    mb(s.javaLiveHeap),
                    s.cpu.get("Java"),
                    p.processes(),
                    mb(p.rssBytes()),
                    mb(p.pssBytes()),
                    s.cpu.get("Python"));
        }
        line("");
        line("## Per idle job");
        line("");
        line("(value with K jobs − value idle after the dispatches) ÷ K. CPU in % of one core.");
        line("");
        line(
                "| K | Java RSS | Java live heap | Java RSS + heap | Python PSS | Python RSS (sum) | PSS ratio | RSS ratio | Java CPU | Python CPU | CPU ratio |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (WorkersBenchmark.Snapshot s : bench.snapshots) {
            if (s.jobs == 0) {
                continue;
            }
            double javaMem = javaMemoryPerJob(s);
            line(
                    "| %d | %s | %s | %s | %s | %s | **%.1f** | %.1f | %.3f | %.3f | %s |",
                    s.jobs,
                    mb(perJob(s, "Java", 'r')),
                    mb(perJob(s, "Java", 'h')),
                    mb(javaMem),
                    mb(perJob(s, "Python", 'p')),
                    mb(perJob(s, "Python", 'r')),
                    perJob(s, "Python", 'p') / javaMem,
                    perJob(s, "Python", 'r') / javaMem,
                    perJob(s, "Java", 'c'),
                    perJob(s, "Python", 'c'),
                    perJob(s, "Java", 'c') > 0.005
                            ? String.format(Locale.ROOT, "%.1f", perJob(s, "Python", 'c') / perJob(s, "Java", 'c'))
                            : "n/a (Java ≈ 0)");
        }
        line("");
    }

    private void caveats() {
        line("## Caveats");
        line("");
        line("- Different models: the Python worker isolates every job in its own process (a crash or a blocked "
                + "event loop hits one call) and pays for that in memory; the Java worker runs all jobs on virtual "
                + "threads in one JVM (a native crash in libwebrtc ends every call). Per-job memory compares what "
                + "each model costs, not the same architecture.");
        line("- Python's prewarm pool is part of its idle footprint and speeds its dispatches up: a job lands in an "
                + "already started, SDK-loaded process. The pool is refilled after each job; the gap between "
                + "dispatches gives it time to, as a steady stream of calls would. A burst larger than the pool "
                + "would start processes on demand (forked from the forkserver), which this run does not measure.");
        line(
                "- Which \"joined\": the webhook (`participant_joined`) is sent when the agent becomes *active*, i.e. once "
                        + "its peer connection is up (ICE, DTLS); the server's `joined_at` is its signal join, before "
                        + "that. The split table separates the worker protocol (offer, accept, assignment: p50 %s for "
                        + "Java and %s for Python, so nearly all of it is the server's part, not the workers') from "
                        + "the join itself.",
                ms(java().serverToAssigned.p50()), ms(python().serverToAssigned.p50()));
        line("- The jobs are idle: no audio is published into the rooms, no speech-to-text, LLM or TTS. A real call "
                + "costs more on both sides (see `rooms.md` for the Java room client with two-way audio).");
        line("- One run on a shared, noisy 2-core machine: compare the ratios, not the milliseconds. The Java JVM's "
                + "RSS depends on its heap options (`-Xmx` above, default G1); Python's RSS on the shared pages "
                + "counted per process (hence PSS).");
        line("- The Python SDK (`livekit-agents` pins its `livekit` rtc package) runs in its own venv "
                + "(`scripts/setup.sh` `ensure_bench_peers`), separate from the test peers' `livekit` 1.2.0.");
        for (String note : bench.notes) {
            line("- " + note + ".");
        }
    }

    private void line(String format, Object... args) {
        md.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args))
                .append('\n');
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String mb(double bytes) {
        if (bytes < 0 && bytes > -1) {
            return "–";
        }
        return Math.abs(bytes) >= 10 * 1048576.0
                ? String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.2f MB", bytes / 1048576.0);
    }
}
