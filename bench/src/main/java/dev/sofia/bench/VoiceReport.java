package dev.sofia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The voice benchmark's settings, what it measured, and its markdown. */
final class VoiceReport {

    static final double GOAL_ADDED_P95_MS = 30;
    static final double GOAL_SESSIONS_RATIO = 4;

    /** The run's settings (system properties, see {@link VoiceBenchmark}). */
    record Settings(
            int turns,
            int latencySessions,
            int latencyRounds,
            int warmup,
            List<Integer> steps,
            int stepTurns,
            int stepMinTurns,
            double limitMillis,
            int loopbacks,
            int settleSeconds,
            VoiceProviders.Delays delays) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.turns", 200),
                    Integer.getInteger("bench.latency-sessions", 4),
                    Integer.getInteger("bench.latency-rounds", 2),
                    Integer.getInteger("bench.warmup", 1),
                    Arrays.stream(System.getProperty("bench.steps", "4,8,12,16,24,32,48,64")
                                    .split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .toList(),
                    Integer.getInteger("bench.step-turns", 3),
                    Integer.getInteger("bench.step-min-turns", 24),
                    Double.parseDouble(System.getProperty("bench.limit-ms", "50")),
                    Integer.getInteger("bench.loopbacks", 60),
                    Integer.getInteger("bench.settle", 5),
                    new VoiceProviders.Delays(
                            Duration.ofMillis(Integer.getInteger("bench.stt-ms", 100)),
                            Duration.ofMillis(Integer.getInteger("bench.llm-ms", 200)),
                            Duration.ofMillis(Integer.getInteger("bench.tts-ms", 100)),
                            Duration.ofMillis(Integer.getInteger("bench.vad-silence-ms", 300)),
                            Duration.ofMillis(Integer.getInteger("bench.endpointing-ms", 100))));
        }

        /** A turn per conversation every: the longest utterance, the delays, the answer, a pause. */
        Duration period(List<VoiceSpeech.Utterance> utterances) {
            long longest = utterances.stream()
                    .mapToLong(VoiceSpeech.Utterance::durationMillis)
                    .max()
                    .orElse(0);
            long millis =
                    longest + delays.total().toMillis() + VoiceSpeech.ANSWER_MILLIS + VoiceTurns.QUIET.toMillis() + 500;
            return Duration.ofMillis((millis + 99) / 100 * 100);
        }

        /** A turn's figure (end of speech to first audio, ms) minus the configured delays. */
        double added(double responseMillis) {
            return responseMillis - delays.total().toMillis();
        }
    }

    final Settings settings;
    List<VoiceSpeech.Utterance> utterances16k = List.of();
    Duration period = Duration.ZERO;
    WorkersReport.Machine machine;
    String plugins = "unknown";
    String loadBefore = "";
    String loadAfter = "";
    Duration elapsed = Duration.ZERO;
    VoiceTurns.Outcome inProcess = VoiceTurns.Outcome.empty();
    VoiceTurns.Outcome loopback = VoiceTurns.Outcome.empty();
    final Map<String, VoiceTurns.Outcome> throughServer = new LinkedHashMap<>();
    final Map<String, WorkersProcess.Tree> idle = new LinkedHashMap<>();
    List<List<VoiceScaling.Step>> scaling = List.of();

    VoiceReport(Settings settings) {
        this.settings = settings;
    }

    String added(double responseMillis) {
        return Report.ms(settings.added(responseMillis));
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    int sessionsHeld(int worker, boolean absolute) {
        return worker < scaling.size() ? VoiceScaling.maxHeld(scaling.get(worker), absolute) : 0;
    }

    double perCore(int worker, boolean absolute) {
        return (double) sessionsHeld(worker, absolute) / machine.cores();
    }

    String summary() {
        List<String> labels = new ArrayList<>(throughServer.keySet());
        var s = new StringBuilder();
        s.append(f(
                "agent-added latency in process (Sofia): p50 %s, p95 %s%n",
                added(inProcess.responses().p50()), added(inProcess.responses().p95())));
        for (String label : labels) {
            VoiceTurns.Outcome o = throughServer.get(label);
            s.append(f(
                    "through livekit-server, %s: p50 %s, p95 %s (transport round trip p50 %s)%n",
                    label,
                    added(o.responses().p50()),
                    added(o.responses().p95()),
                    Report.ms(loopback.responses().p50())));
        }
        for (int i = 0; i < scaling.size(); i++) {
            s.append(f(
                    "sessions per core, %s: %.1f within %.0f ms absolute, %.1f within %.0f ms of its own baseline%n",
                    labels.get(i),
                    perCore(i, true),
                    settings.limitMillis(),
                    perCore(i, false),
                    settings.limitMillis()));
        }
        return s.toString();
    }

    String markdown() {
        var md = new StringBuilder();
        List<String> labels = new ArrayList<>(throughServer.keySet());
        md.append("# Voice benchmark: agent-added latency and sessions per core\n\n");
        md.append(f(
                "Measured %s on %s: %d cores (%s), %.0f GB, %s, %s; livekit-server %s; %s, %s, %s. "
                        + "Load average (1/5/15 min) %s before the run, %s after; the run took %d min. Other "
                        + "engineers build in the same checkout on this machine, so the figures are noisy: compare "
                        + "the two frameworks within the run, not with other runs.%n%n",
                machine.date(),
                machine.commit(),
                machine.cores(),
                machine.cpu(),
                machine.memoryBytes() / 1e9,
                machine.os(),
                machine.jdk(),
                machine.liveKitServer(),
                machine.python(),
                machine.agents(),
                plugins,
                loadBefore,
                loadAfter,
                elapsed.toMinutes()));
        VoiceReportSections.goals(md, this, labels);
        VoiceReportSections.method(md, this);
        VoiceReportSections.latency(md, this, labels);
        VoiceReportSections.scaling(md, this, labels);
        return md.toString();
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
