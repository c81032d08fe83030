package dev.sofia.bench;

import dev.sofia.livekit.local.LiveKitBinary;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 6's benchmark: how much latency the voice pipeline itself adds to a turn, and how many
 * conversations a core holds, for Sofia's agents framework and, side by side in the same run, the
 * Python livekit-agents framework, both against the same fake OpenAI servers ({@link VoiceProviders})
 * with fixed delays.
 *
 * <p>Agent-added latency of a turn = the caller's first audible frame of the answer − the instant the
 * caller's last speech frame went out − the configured delays ({@link VoiceProviders.Delays#total()}).
 * Phases: (1) in process, Sofia only ({@link VoiceInProcess}); then, with a local livekit-server and
 * both workers running as child processes ({@link VoiceJavaAgent}, {@code bench/peers/voice_agent.py}):
 * (2) the transport's round trip alone ({@link VoiceLoopback}); (3) the same turns through the server
 * for each worker, in alternating rounds; (4) idle workers; (5) sessions per core ({@link VoiceScaling}).
 * The callers ({@link VoiceRoomCaller}) and the fake servers live in this JVM, which is not measured.
 *
 * <p>System properties: {@code bench.turns} (counted turns per latency scenario, default 200), {@code
 * bench.latency-sessions} (conversations at once in the latency phases, default 4), {@code
 * bench.latency-rounds} (default 2), {@code bench.warmup} (turns per conversation not counted, default
 * 1), {@code bench.steps} (default {@code 2,4,8,12,16,24,32,48,64}), {@code bench.step-turns} (counted
 * turns per conversation in a step, default 3), {@code bench.limit-ms} (p95 limit of a step, default
 * 50), {@code bench.loopbacks} (default 60), {@code bench.stt-ms}, {@code bench.llm-ms}, {@code
 * bench.tts-ms}, {@code bench.vad-silence-ms}, {@code bench.endpointing-ms} (defaults 100, 200, 100,
 * 300, 100), {@code bench.agents-venv}, {@code bench.java-worker-opts} (default {@code -Xmx512m}),
 * {@code bench.output}, {@code bench.commit}.
 */
public final class VoiceBenchmark {

    static final String JAVA_AGENT = "bench-java-voice";
    static final String PYTHON_AGENT = "bench-python-voice";

    public static void main(String[] args) throws Exception {
        RoomsLogging.quiet();
        long started = System.nanoTime();
        VoiceReport.Settings settings = VoiceReport.Settings.fromSystemProperties();
        Path venv = Path.of(
                System.getProperty("bench.agents-venv", System.getProperty("user.home") + "/.cache/sofia/venv-agents"));
        Path python = venv.resolve("bin/python");
        Path agentScript = Path.of("bench/peers/voice_agent.py").toAbsolutePath();
        if (!Files.isExecutable(python) || !Files.isRegularFile(agentScript)) {
            throw new IllegalStateException("need " + python + " (scripts/setup.sh ensure_bench_peers) and "
                    + agentScript + "; run bench/run-voice.sh");
        }
        Path output = Path.of(System.getProperty("bench.output", "bench/results/voice.md"));
        VoiceReport report = new VoiceReport(settings);
        report.loadBefore = VoiceReport.loadAverage();

        report.utterances16k = VoiceSpeech.utterances(VoiceInProcess.Caller.RATE);
        List<VoiceSpeech.Utterance> utterances48k = VoiceSpeech.utterances(VoiceRoomCaller.PUBLISH_RATE);
        Duration period = settings.period(report.utterances16k);
        report.period = period;
        System.out.println("utterances: "
                + report.utterances16k.stream()
                        .map(u -> u.durationMillis() + " ms")
                        .toList() + ", a turn every " + period.toMillis() + " ms per conversation");

        try (VoiceProviders providers = new VoiceProviders(settings.delays())) {
            System.out.println("in process: " + settings.turns() + " turns");
            report.inProcess = VoiceInProcess.run(
                    providers,
                    report.utterances16k,
                    settings.latencySessions(),
                    settings.warmup(),
                    settings.turns(),
                    period);
            System.out.println("in process: p50 "
                    + report.added(report.inProcess.responses().p50()) + ", p95 "
                    + report.added(report.inProcess.responses().p95()));
        }

        String binary = System.getenv("LIVEKIT_SERVER_BIN");
        Path workDir = Files.createTempDirectory("sofia-voice-bench-");
        try (WorkersLiveKit liveKit = WorkersLiveKit.startWebhooks();
                LiveKitProcess server = LiveKitProcess.start(
                        LiveKitBinary.locate(binary),
                        LiveKitServerConfig.onFreePorts().withWebhookUrls(List.of(liveKit.url())))) {
            LiveKitServerConfig config = server.config();
            liveKit.server(config);
            try (WorkersProcess javaWorker = startJava(server, workDir);
                    WorkersProcess pythonWorker = startPython(server, workDir, python, agentScript, settings)) {
                for (WorkersProcess w : List.of(javaWorker, pythonWorker)) {
                    if (!w.awaitRegistered(Duration.ofSeconds(90))) {
                        throw new IllegalStateException(
                                "the " + w.label + " worker did not register within 90 s:\n" + w.tail());
                    }
                }
                System.out.println("both workers registered");
                report.machine = WorkersReport.Machine.describe(binary, python);
                report.plugins = WorkersBenchmark.run(List.of(
                                python.toString(),
                                "-c",
                                "from importlib.metadata import version as v; print(f\"livekit-plugins-openai "
                                        + "{v('livekit-plugins-openai')}, livekit-plugins-silero {v('livekit-plugins-silero')}, "
                                        + "openai {v('openai')}, onnxruntime {v('onnxruntime')}\")"))
                        .lines()
                        .reduce((a, b) -> b)
                        .orElse("unknown");

                report.loopback = VoiceLoopback.measure(config, server.url(), settings.loopbacks());
                System.out.println(
                        "loopback: p50 " + Report.ms(report.loopback.responses().p50()) + ", p95 "
                                + Report.ms(report.loopback.responses().p95()));

                Map<String, WorkersProcess> workers = new LinkedHashMap<>();
                workers.put("Sofia (Java)", javaWorker);
                workers.put("livekit-agents (Python)", pythonWorker);
                for (String label : workers.keySet()) {
                    report.throughServer.put(label, VoiceTurns.Outcome.empty());
                }
                int rounds = settings.latencyRounds();
                for (int round = 0; round < rounds; round++) {
                    List<String> order = new ArrayList<>(workers.keySet());
                    if (round % 2 == 1) {
                        order = order.reversed();
                    }
                    for (String label : order) {
                        int turns = settings.turns() / rounds + (round < settings.turns() % rounds ? 1 : 0);
                        WorkersProcess w = workers.get(label);
                        try (VoiceProviders providers = new VoiceProviders(settings.delays());
                                VoiceRooms rooms = VoiceRooms.open(
                                        liveKit,
                                        config,
                                        server.url(),
                                        w.agentName,
                                        "vb-latency-" + round,
                                        settings.latencySessions(),
                                        providers.metadata())) {
                            int sessions = rooms.callers.size();
                            int each = (turns + sessions - 1) / Math.max(1, sessions);
                            rooms.talk(utterances48k, settings.warmup(), each, period, report.throughServer.get(label));
                        }
                        VoiceTurns.Outcome o = report.throughServer.get(label);
                        System.out.println("through the server, " + label + " after round " + round + ": p50 "
                                + report.added(o.responses().p50()) + ", p95 "
                                + report.added(o.responses().p95())
                                + ", missed " + o.missed().get());
                        Thread.sleep(3000);
                    }
                }

                Thread.sleep(Duration.ofSeconds(settings.settleSeconds()));
                report.idle.put(javaWorker.label, javaWorker.tree());
                report.idle.put(pythonWorker.label, pythonWorker.tree());

                VoiceSteps steps = new VoiceSteps(liveKit, config, server.url(), utterances48k, period, settings);
                double transport = report.loopback.responses().p50();
                List<VoiceScaling.Worker> scaled = new ArrayList<>();
                for (Map.Entry<String, WorkersProcess> w : workers.entrySet()) {
                    double baseline = settings.added(report.throughServer
                                    .get(w.getKey())
                                    .responses()
                                    .p95())
                            - transport;
                    scaled.add(steps.worker(w.getKey(), w.getValue(), transport, baseline));
                }
                report.scaling = VoiceScaling.run(scaled, settings.steps());
                javaWorker.send("quit");
            }
            Files.writeString(workDir.resolve("livekit-server.log"), server.output(), StandardCharsets.UTF_8);
        }
        report.loadAfter = VoiceReport.loadAverage();
        report.elapsed = Duration.ofNanos(System.nanoTime() - started);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, report.markdown(), StandardCharsets.UTF_8);
        System.out.println(report.summary());
        System.out.println("written " + output + " (worker logs in " + workDir + ")");
        System.exit(0);
    }

    private static WorkersProcess startJava(LiveKitProcess server, Path workDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(Arrays.stream(
                        System.getProperty("bench.java-worker-opts", "-Xmx512m").split("\\s+"))
                .filter(s -> !s.isBlank())
                .toList());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                VoiceJavaAgent.class.getName(),
                server.url(),
                server.config().apiKey(),
                server.config().apiSecret(),
                JAVA_AGENT));
        return WorkersProcess.start(
                "Java",
                JAVA_AGENT,
                command,
                Map.of(),
                Path.of("").toAbsolutePath(),
                workDir.resolve("java-worker.log"),
                "REGISTERED ");
    }

    private static WorkersProcess startPython(
            LiveKitProcess server, Path workDir, Path python, Path script, VoiceReport.Settings settings) {
        return WorkersProcess.start(
                "Python",
                PYTHON_AGENT,
                List.of(python.toString(), script.toString(), "start"),
                Map.of(
                        "LIVEKIT_URL", server.url(),
                        "LIVEKIT_API_KEY", server.config().apiKey(),
                        "LIVEKIT_API_SECRET", server.config().apiSecret(),
                        "BENCH_AGENT_NAME", PYTHON_AGENT,
                        "BENCH_VAD_MIN_SILENCE",
                                Double.toString(
                                        settings.delays().vadMinSilence().toMillis() / 1000.0)),
                script.getParent(),
                workDir.resolve("python-worker.log"),
                "registered worker");
    }
}
