package dev.sofia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The markdown result of {@link RoomsBenchmark}. */
final class RoomsReport {

    static final double GOAL_MB = 10;
    static final double GOAL_CPU = 2;
    /** Health limits for "holds": late playout ticks and missed onsets as a share of their totals. */
    static final double MAX_LATE_SHARE = 0.01;

    static final double MAX_MISSED_SHARE = 0.05;
    /** Beyond this an onset is late for conversation; at N = 1 it is well under 100 ms. */
    static final double MAX_ONSET_P95_MILLIS = 250;

    record Machine(
            String date,
            int cores,
            String cpu,
            long memoryBytes,
            String os,
            String jdk,
            String commit,
            String liveKit,
            String webrtc) {

        static Machine describe(String liveKitVersion) {
            return new Machine(
                    ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                    Runtime.getRuntime().availableProcessors(),
                    cpuModel(),
                    memTotal(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"),
                    System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                    System.getProperty("bench.commit", "an unknown commit"),
                    liveKitVersion,
                    Stream.of(System.getProperty("java.class.path").split(":"))
                            .map(p -> Path.of(p).getFileName().toString())
                            .filter(f -> f.matches("webrtc-java-[0-9.]+\\.jar"))
                            .map(f -> f.replace(".jar", "").replace("webrtc-java-", "webrtc-java "))
                            .findFirst()
                            .orElse("webrtc-java"));
        }

        private static String cpuModel() {
            try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
                return lines.filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse("unknown CPU");
            } catch (IOException | RuntimeException e) {
                return "unknown CPU";
            }
        }

        private static long memTotal() {
            try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
                return lines.filter(l -> l.startsWith("MemTotal:"))
                                .map(l -> l.replaceAll("[^0-9]", ""))
                                .mapToLong(Long::parseLong)
                                .findFirst()
                                .orElse(0)
                        * 1024;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    private final RoomsBenchmark bench;
    private final Machine machine;
    private final Samples detector;
    private final int settleSeconds;
    private final Duration runTime;

    RoomsReport(RoomsBenchmark bench, Machine machine, Samples detector, int settleSeconds, Duration runTime) {
        this.bench = bench;
        this.machine = machine;
        this.detector = detector;
        this.settleSeconds = settleSeconds;
        this.runTime = runTime;
    }

    String markdown() {
        List<RoomsBenchmark.Step> steps = bench.steps;
        RoomsBenchmark.Step base =
                steps.stream().filter(s -> s.rooms == 0).findFirst().orElse(null);
        var md = new StringBuilder();
        md.append("# Rooms benchmark\n\n");
        md.append(format(
                "Measured %s on %s: %d cores (%s), %.0f GiB, %s, %s; livekit-server %s (local child process, dev "
                        + "mode, loopback); %s (libwebrtc over JNI).\n\n",
                machine.date(),
                machine.commit(),
                machine.cores(),
                machine.cpu(),
                machine.memoryBytes() / 1073741824.0,
                machine.os(),
                machine.jdk(),
                machine.liveKit(),
                machine.webrtc()));
        md.append(format(
                "Method: `bench/run-rooms.sh` (`RoomsBenchmark`), %s in all. The measured JVM is the agent side: it "
                        + "holds N rooms of `agents-livekit`'s `Room` (one `Room.connect` each; all rooms share "
                        + "the JVM's one peer connection factory and audio device module, as the client builds them). In every room it publishes a 48 kHz mono track and, every "
                        + "%d ms, pushes %d ms of a %.0f Hz tone into it as one burst (as TTS would; the JVM's one audio pacer "
                        + "hands libwebrtc one 10 ms frame every 10 ms, silence between bursts); and it reads the "
                        + "caller's track as 16 kHz mono 10 ms frames on a virtual thread per room (as an agent feeding "
                        + "speech-to-text would), running a Goertzel onset detector on every frame. The callers (%.0f Hz, "
                        + "same rhythm, half a period later) are a second JVM on the same class path, so their cost is "
                        + "not counted; it runs at the same priority as the agent (run at `nice` 10, its receiving "
                        + "threads starved while rooms joined and the agent-to-caller onsets of the rooms already up "
                        + "grew by 50–150 ms for seconds); only %d callers subscribe to the agent and detect its "
                        + "tone, the others only talk, to keep that JVM light. Steps add rooms (N = %s); a step that "
                        + "does not hold (over 1 %% of the agent's playout ticks late, frames dropped, over 5 %% of "
                        + "onsets missed, or onset p95 over %.0f ms either way) is marked and the next one still "
                        + "tried, since where the machine runs out of cores is part of the result; at each, after %d s "
                        + "of settling, CPU ticks of the three processes are taken from "
                        + "`/proc/<pid>/stat` over a steady window (%% of one core), then the agent's `VmRSS` and "
                        + "threads, then its live heap after a full GC. The agent JVM's 1 GiB heap is fixed and "
                        + "pre-touched (`-XX:+AlwaysPreTouch`), so RSS grows only with memory outside the Java heap "
                        + "(native libwebrtc state, thread stacks, metaspace); Java objects show as live heap. N = 0 is "
                        + "the baseline: webrtc-java's native library loaded and one factory created and disposed, no "
                        + "rooms. Per room = (value at N − baseline) ÷ N; marginal = change from the previous step ÷ rooms "
                        + "added, which leaves out one-time costs (classes, JIT).\n\n",
                duration(runTime),
                RoomsSide.PERIOD.toMillis(),
                RoomsSide.TONE.toMillis(),
                RoomsSide.AGENT_HZ,
                RoomsSide.CALLER_HZ,
                RoomsBenchmark.DETECTING_CALLERS,
                String.join(
                                ", ",
                                steps.stream()
                                        .map(s -> Integer.toString(s.rooms))
                                        .toList())
                        + (bench.stoppedBecause == null ? "" : ", then stopped"),
                MAX_ONSET_P95_MILLIS,
                settleSeconds));
        md.append(format(
                "Onset delay: from the instant the burst is pushed into the sending room's track to the instant "
                        + "the receiving side's detector fires on a frame it has just read (wall clock, microseconds, "
                        + "same host). The detector needs about 10 ms of tone in its 20 ms window: on a clean tone it "
                        + "fires %.1f–%.1f ms (p50 %.1f ms) after the tone's first sample, which is included below; the "
                        + "rest is the pacer's phase (0–10 ms), Opus packetisation, the SFU, the receiver's jitter "
                        + "buffer and the 10 ms pull of libwebrtc's audio device. An utterance with no onset detected "
                        + "within one period is missed.\n\n",
                detector.percentileMillis(0), detector.percentileMillis(100), detector.p50()));

        if (bench.stoppedBecause != null) {
            md.append("**Stopped early:** ").append(bench.stoppedBecause).append("\n\n");
        }

        md.append("## Goal: ≤ 10 MB and ≤ 2 % of a core per room\n\n");
        md.append(verdict(steps, base)).append("\n\n");

        md.append("## Agent JVM (measured)\n\n");
        md.append(
                "| N | window | CPU, % of a core | per room | RSS | per room | live heap | per room | memory per room "
                        + "(RSS + heap) | threads | per room | holds |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (RoomsBenchmark.Step s : steps) {
            boolean perRoom = base != null && s.rooms > 0;
            md.append(format(
                    "| %d | %.0f s | %.1f | %s | %.0f MB | %s | %.1f MB | %s | %s | %d | %s | %s |\n",
                    s.rooms,
                    s.windowSeconds,
                    s.agentCpu,
                    perRoom ? format("%.2f", (s.agentCpu - base.agentCpu) / s.rooms) : "",
                    mb(s.agentRss),
                    perRoom ? format("%.1f MB", mb(s.agentRss - base.agentRss) / s.rooms) : "",
                    mb(s.liveHeap),
                    perRoom ? format("%.2f MB", mb(s.liveHeap - base.liveHeap) / s.rooms) : "",
                    perRoom
                            ? format(
                                    "%.1f MB",
                                    (mb(s.agentRss - base.agentRss) + mb(s.liveHeap - base.liveHeap)) / s.rooms)
                            : "",
                    s.agentThreads,
                    perRoom ? format("%.1f", (double) (s.agentThreads - base.agentThreads) / s.rooms) : "",
                    holds(s)));
        }
        md.append("\nMarginal cost of the rooms added at each step:\n\n");
        md.append("| step | CPU per added room, % of a core | RSS per added room | live heap per added room "
                + "| threads per added room |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (int i = 1; i < steps.size(); i++) {
            RoomsBenchmark.Step a = steps.get(i - 1);
            RoomsBenchmark.Step b = steps.get(i);
            int added = b.rooms - a.rooms;
            if (added <= 0) {
                continue;
            }
            md.append(format(
                    "| %d → %d | %.2f | %.1f MB | %.2f MB | %.1f |\n",
                    a.rooms,
                    b.rooms,
                    (b.agentCpu - a.agentCpu) / added,
                    mb(b.agentRss - a.agentRss) / added,
                    mb(b.liveHeap - a.liveHeap) / added,
                    (double) (b.agentThreads - a.agentThreads) / added));
        }

        md.append("\n## The other processes (context, not counted above)\n\n");
        md.append(format(
                "CPU in %% of one core; the machine has %d cores, so %d %% is all of it. \"Others\" is what "
                        + "`/proc/stat` counted beyond these three processes (the kernel's network work on loopback, "
                        + "and anything else running on this shared machine).\n\n",
                machine.cores(), machine.cores() * 100));
        md.append("| N | machine busy | agent JVM | callers' JVM | livekit-server | others | callers' RSS "
                + "| livekit-server RSS |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RoomsBenchmark.Step s : steps) {
            md.append(format(
                    "| %d | %.0f %% | %.1f | %.1f | %.1f | %.1f | %.0f MB | %.0f MB |\n",
                    s.rooms,
                    s.machineBusy * machine.cores(),
                    s.agentCpu,
                    s.callerCpu,
                    s.serverCpu,
                    s.othersCpu,
                    mb(s.callerRss),
                    mb(s.serverRss)));
        }

        md.append("\n## Tone onset delay\n\n");
        md.append("| N | agent → caller onsets | p50 | p95 | max | missed | caller → agent onsets | p50 | p95 | max "
                + "| missed |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RoomsBenchmark.Step s : steps) {
            if (s.rooms == 0) {
                continue;
            }
            md.append(format(
                    "| %d | %,d | %s | %s | %s | %d | %,d | %s | %s | %s | %d |\n",
                    s.rooms,
                    s.agentToCaller.count(),
                    ms(s.agentToCaller.p50()),
                    ms(s.agentToCaller.p95()),
                    ms(s.agentToCaller.percentileMillis(100)),
                    s.agentToCallerMissed,
                    s.callerToAgent.count(),
                    ms(s.callerToAgent.p50()),
                    ms(s.callerToAgent.p95()),
                    ms(s.callerToAgent.percentileMillis(100)),
                    s.callerToAgentMissed));
        }

        md.append("\n## Health\n\n");
        md.append("Frames are counted over the window: received = 10 ms frames the agent read from its callers' "
                + "tracks (expected: 100 a second per room); dropped = `AudioStream.droppedFrames` (the reader fell "
                + "more than 2 s behind); late = `LocalAudioTrack.latePlayoutTicks` (the pacer ran more than 10 ms "
                + "late); filled = deadlines the pacer served with silence after a stall of over 30 ms, so the "
                + "stream kept its timeline (skipped: a stall of over 200 ms, whose oldest deadlines were given "
                + "up).\n\n");
        md.append("| N | joined in | agent frames received ÷ expected | agent dropped | agent late ticks | agent "
                + "filled (skipped) ticks | callers frames received | callers dropped | callers late ticks | callers "
                + "filled (skipped) ticks |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RoomsBenchmark.Step s : steps) {
            if (s.rooms == 0) {
                continue;
            }
            double expected = s.rooms * s.windowSeconds * 100;
            md.append(format(
                    "| %d | %.1f s | %.3f | %,d | %,d | %,d (%,d) | %,d | %,d | %,d | %,d (%,d) |\n",
                    s.rooms,
                    s.joinTime.toMillis() / 1000.0,
                    s.agent.framesReceived() / expected,
                    s.agent.droppedFrames(),
                    s.agent.latePlayoutTicks(),
                    s.agent.filledPlayoutTicks(),
                    s.agent.skippedPlayoutTicks(),
                    s.callers.framesReceived(),
                    s.callers.droppedFrames(),
                    s.callers.latePlayoutTicks(),
                    s.callers.filledPlayoutTicks(),
                    s.callers.skippedPlayoutTicks()));
        }

        RoomsBenchmark.Step last = steps.isEmpty() ? null : steps.getLast();
        if (last != null && last.rooms > 0) {
            md.append(format(
                    "\n## Where the agent's CPU goes at N = %d\n\n"
                            + "Threads of the agent JVM grouped by name (digits replaced by `#`; Linux keeps 15 "
                            + "characters), CPU over the window in %% of one core; threads that ended during the window "
                            + "are missing, so the sum can fall short of the total (%.1f).\n\n",
                    last.rooms, last.agentCpu));
            md.append("| thread group | threads | CPU, % of a core | per room |\n|---|---:|---:|---:|\n");
            List<Map.Entry<String, long[]>> groups = new ArrayList<>(last.agentThreadGroups.entrySet());
            groups.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
            double other = 0;
            long otherThreads = 0;
            int shown = 0;
            for (Map.Entry<String, long[]> g : groups) {
                double cpu = 100.0 * g.getValue()[0] / ProcStats.TICKS_PER_SECOND / last.windowSeconds;
                if (shown < 12 && cpu >= 0.05) {
                    md.append(format(
                            "| `%s` | %d | %.1f | %.3f |\n", g.getKey(), g.getValue()[1], cpu, cpu / last.rooms));
                    shown++;
                } else {
                    other += cpu;
                    otherThreads += g.getValue()[1];
                }
            }
            md.append(format("| everything else | %d | %.1f | %.3f |\n", otherThreads, other, other / last.rooms));
        }
        md.append("\n## Reading (hand-written; the sections above are written by the benchmark)\n\n(to do)\n");
        return md.toString();
    }

    private static String verdict(List<RoomsBenchmark.Step> steps, RoomsBenchmark.Step base) {
        if (base == null) {
            return "No baseline (N = 0) was measured, so there are no per-room figures.";
        }
        RoomsBenchmark.Step largest = null;
        for (RoomsBenchmark.Step s : steps) {
            if (s.rooms > 0 && holds(s).equals("yes")) {
                largest = s;
            }
        }
        if (largest == null) {
            return "No step with rooms held (see the health columns).";
        }
        double memory = (mb(largest.agentRss - base.agentRss) + mb(largest.liveHeap - base.liveHeap)) / largest.rooms;
        double cpu = (largest.agentCpu - base.agentCpu) / largest.rooms;
        return format(
                "At N = %d, the largest step that held: **%.1f MB** per room (RSS %.1f MB + live heap %.2f MB), "
                        + "memory goal **%s**; **%.2f %%** of a core per room, CPU goal **%s**.",
                largest.rooms,
                memory,
                mb(largest.agentRss - base.agentRss) / largest.rooms,
                mb(largest.liveHeap - base.liveHeap) / largest.rooms,
                memory <= GOAL_MB ? "met" : "missed",
                cpu,
                cpu <= GOAL_CPU ? "met" : "missed");
    }

    /**
     * "yes" if the step held, else what failed: over 1 % of the agent's playout ticks late, any frame
     * dropped by the agent, over 5 % of onsets missed or an onset p95 over 250 ms in either direction.
     */
    static String holds(RoomsBenchmark.Step s) {
        if (s.rooms == 0) {
            return "";
        }
        List<String> problems = new ArrayList<>();
        double ticks = s.rooms * s.windowSeconds * 100;
        if (s.agent.latePlayoutTicks() > MAX_LATE_SHARE * ticks) {
            problems.add(format("%.1f %% late ticks", 100 * s.agent.latePlayoutTicks() / ticks));
        }
        if (s.agent.droppedFrames() > 0) {
            problems.add("frames dropped");
        }
        int onsets = s.agentToCaller.count() + s.agentToCallerMissed + s.callerToAgent.count() + s.callerToAgentMissed;
        int missed = s.agentToCallerMissed + s.callerToAgentMissed;
        if (onsets > 0 && missed > MAX_MISSED_SHARE * onsets) {
            problems.add(format("%.0f %% onsets missed", 100.0 * missed / onsets));
        }
        double p95 = Math.max(
                s.agentToCaller.count() == 0 ? 0 : s.agentToCaller.p95(),
                s.callerToAgent.count() == 0 ? 0 : s.callerToAgent.p95());
        if (p95 > MAX_ONSET_P95_MILLIS) {
            problems.add(format("onset p95 %.0f ms", p95));
        }
        return problems.isEmpty() ? "yes" : "no: " + String.join(", ", problems);
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : format("%.1f ms", millis);
    }

    private static String duration(Duration d) {
        return d.toMinutesPart() > 0 || d.toHours() > 0
                ? format("%d min %d s", d.toMinutes(), d.toSecondsPart())
                : format("%d s", d.toSeconds());
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
