package dev.sofia.bench;

import static dev.sofia.bench.VoiceReport.f;

import java.util.List;

/** The sections of the voice benchmark's markdown. */
final class VoiceReportSections {

    private VoiceReportSections() {}

    static void goals(StringBuilder md, VoiceReport r, List<String> labels) {
        VoiceReport.Settings s = r.settings;
        md.append("## Goals\n\n");
        double inProcessP95 = s.added(r.inProcess.responses().p95());
        VoiceTurns.Outcome java = r.throughServer.get(labels.get(0));
        double serverP95 =
                s.added(java.responses().p95()) - r.loopback.responses().p50();
        md.append(f(
                "- Agent-added latency p95 ≤ %.0f ms: in process %s (**%s**); through livekit-server, after "
                        + "taking off the transport's round trip (p50 %s), %s (**%s**).%n",
                VoiceReport.GOAL_ADDED_P95_MS,
                Report.ms(inProcessP95),
                inProcessP95 <= VoiceReport.GOAL_ADDED_P95_MS ? "met" : "missed",
                Report.ms(r.loopback.responses().p50()),
                Report.ms(serverP95),
                serverP95 <= VoiceReport.GOAL_ADDED_P95_MS ? "met" : "missed"));
        for (boolean absolute : new boolean[] {true, false}) {
            double java0 = r.perCore(0, absolute);
            double python0 = r.perCore(1, absolute);
            double ratio = python0 == 0 ? (java0 == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : java0 / python0;
            md.append(f(
                    "- Sessions per core at least %.0f× Python's, %s: Sofia %.1f, livekit-agents %.1f, ratio %s (**%s**).%n",
                    VoiceReport.GOAL_SESSIONS_RATIO,
                    absolute
                            ? f("with the agent-added p95 (less transport) within %.0f ms", s.limitMillis())
                            : f(
                                    "with it within %.0f ms of each framework's own p95 at 4 conversations",
                                    s.limitMillis()),
                    java0,
                    python0,
                    Double.isNaN(ratio) ? "undefined" : Double.isInfinite(ratio) ? "∞ (Python 0)" : f("%.1f×", ratio),
                    ratio >= VoiceReport.GOAL_SESSIONS_RATIO ? "met" : "missed"));
        }
        md.append('\n');
    }

    static void method(StringBuilder md, VoiceReport r) {
        VoiceReport.Settings s = r.settings;
        md.append("## Method\n\n");
        md.append(f(
                "`bench/run-voice.sh` (`VoiceBenchmark`). Both frameworks talk to the same fake OpenAI servers "
                        + "(agents-testkit's `FakeOpenAiServer`, one per role, on loopback) with fixed delays: %s. "
                        + "Sofia: `OpenAiStt` in core's `VadSegmentedStt` with `WebRtcVad` (web preset), `OpenAiLlm`, "
                        + "`OpenAiTts`, an `AgentSession`. livekit-agents: its OpenAI plugin's STT (one-shot "
                        + "transcriptions, which the framework cuts into utterances with the VAD), LLM and TTS "
                        + "(`response_format=\"pcm\"`) with `base_url`, and its Silero VAD "
                        + "(`bench/peers/voice_agent.py`). Both: turn detection by VAD, fixed endpointing, "
                        + "interruptions by VAD, **no preemptive generation** (with it, the model's delay would hide in "
                        + "the endpointing wait, differently in each framework), no greeting.%n%n",
                s.delays().describe()));
        md.append(f(
                "**Agent-added latency** of a turn = the caller's first audible frame of the answer (a 10 ms frame "
                        + "above %.0f dBFS) − the instant the caller's last speech frame went out − the configured "
                        + "delays, %d ms: VAD silence + max(recognition, endpointing) + first token + first audio "
                        + "byte. Both frameworks start the recognition and the endpointing wait at the same time, "
                        + "when the VAD reports the end of speech; Sofia counts the endpointing delay from that "
                        + "event, livekit-agents from the estimated end of speech (so there it also covers the "
                        + "VAD's silence); with the endpointing delay no longer than the recognition, the sum is "
                        + "the same for both. The model streams a one-sentence answer (five chunks, no delay "
                        + "between them), so each framework makes one speech request, answered with a %d ms tone "
                        + "as 24 kHz PCM. The sum does not include the VADs' own hangover: where a VAD hears speech "
                        + "end before or after the caller's last audible frame moves the figure, which is part of "
                        + "each framework's choice of VAD.%n%n",
                VoiceSpeech.AUDIBLE_DBFS, s.delays().total().toMillis(), VoiceSpeech.ANSWER_MILLIS));
        md.append(f(
                "**Caller speech**: %d German sentences spoken by espeak-ng at the start of the run, cut to "
                        + "their audible part (%s), played in real time in 10 ms frames with silence between "
                        + "turns; each conversation takes a turn every %d ms (later if the agent is still "
                        + "speaking), its conversations spread evenly over that period, and waits up to %d s for "
                        + "the answer (else the turn is missed). The first %d turn(s) of each conversation are "
                        + "not counted.%n%n",
                r.utterances16k.size(),
                String.join(
                        ", ",
                        r.utterances16k.stream()
                                .map(u -> u.durationMillis() + " ms")
                                .toList()),
                r.period.toMillis(),
                VoiceTurns.ANSWER_TIMEOUT.toSeconds(),
                s.warmup()));
        md.append(f(
                "**In process** (Sofia only): %d sessions at once in the benchmark's JVM, %d counted turns; the "
                        + "caller is an `AudioInput` delivering 16 kHz frames at absolute 10 ms deadlines, the agent's "
                        + "voice goes to the testkit's `RecordingAudioOutput` (real-time playout, first audible "
                        + "frame noted as it is played).%n%n",
                s.latencySessions(), s.turns()));
        md.append(f(
                "**Through livekit-server** (both): a local livekit-server, the Java worker (`VoiceJavaAgent`: "
                        + "`AgentWorker`, and per job `RoomIo` + `AgentSession`, in a JVM of its own with `-Xmx512m`) "
                        + "and the Python worker (`voice_agent.py start`: a process per job, SDK defaults otherwise), "
                        + "each dispatched explicitly into fresh rooms with the fake servers' addresses in the job "
                        + "metadata. The callers are our own room client in the benchmark's JVM (not measured): a "
                        + "48 kHz track into which each utterance is pushed whole (its pacer sends 10 ms frames; "
                        + "end of speech = the pacer reporting the segment played), and the agent's track read as "
                        + "16 kHz frames. %d conversations at once per worker, %d rounds alternating which worker "
                        + "goes first, %d counted turns per worker. **Transport**: the same caller speaks a 200 ms "
                        + "tone into a room where an echo participant pushes each received frame straight back; "
                        + "the onset round trip (%d probes) is what the network path, both receive buffers and a "
                        + "playout pacer add to any answer, and is shown beside (and taken off) the figures "
                        + "through the server. It is measured with our room client on both ends; the Python agent "
                        + "receives and sends with its own (Rust/libwebrtc) stack, which may differ a little.%n%n",
                s.latencySessions(), s.latencyRounds(), s.turns(), s.loopbacks()));
        md.append(f(
                "**Sessions per core**: each worker in turn holds N conversations at once (N = %s), each with its "
                        + "caller, at least %d counted turns per conversation and %d per step, after %d warm-up "
                        + "turn(s). The figure of a step is the p95 of the agent-added latency through the server "
                        + "less the transport's round trip (p50 of the echo at the start; the transport's own "
                        + "growth under load counts against the agent), with unanswered turns counted as "
                        + "infinitely late. Two verdicts: within %.0f ms (the issue's criterion), and within %.0f ms "
                        + "of the framework's own p95 in the latency phase (how far it scales before its latency "
                        + "degrades by that much; it decides whether the worker goes on, and gives a ratio when "
                        + "one framework's added latency exceeds %.0f ms even unloaded). A step with a conversation "
                        + "that could not be set up holds neither. Sessions per core = the largest N held at "
                        + "every step up to it ÷ %d cores. CPU is the worker's whole "
                        + "process tree (`utime + stime`) over the step's turns; memory the tree's summed PSS "
                        + "(fair for Python's forked processes) at their end, less the idle worker's. The callers, "
                        + "livekit-server and the fake servers run on the same 2 cores, so the absolute counts are "
                        + "lower than on a machine of the agent's own; both frameworks share that handicap.%n%n",
                s.steps(),
                s.stepTurns(),
                s.stepMinTurns(),
                s.warmup(),
                s.limitMillis(),
                s.limitMillis(),
                s.limitMillis(),
                r.machine.cores()));
    }

    static void latency(StringBuilder md, VoiceReport r, List<String> labels) {
        VoiceReport.Settings s = r.settings;
        md.append("## Agent-added latency\n\n");
        md.append(
                "| Where | turns | missed | end of speech → first audio p50 / p95 | agent-added p50 | agent-added p95 |"
                        + " added less transport p50 / p95 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        row(md, s, "Sofia, in process", r.inProcess, 0);
        double transport = r.loopback.responses().p50();
        for (String label : labels) {
            row(md, s, label + ", through livekit-server", r.throughServer.get(label), transport);
        }
        md.append(f(
                "| Transport round trip (echo, onset to onset) | %d | %d | %s / %s | | | |%n%n",
                r.loopback.responses().count(),
                r.loopback.missed().get(),
                Report.ms(r.loopback.responses().p50()),
                Report.ms(r.loopback.responses().p95())));
        if (labels.size() == 2) {
            VoiceTurns.Outcome java = r.throughServer.get(labels.get(0));
            VoiceTurns.Outcome python = r.throughServer.get(labels.get(1));
            md.append(f(
                    "Ratios Python ÷ Java through the server: agent-added p50 %s, p95 %s; less transport p50 %s, p95 %s.%n%n",
                    ratio(
                            s.added(python.responses().p50()),
                            s.added(java.responses().p50())),
                    ratio(
                            s.added(python.responses().p95()),
                            s.added(java.responses().p95())),
                    ratio(
                            s.added(python.responses().p50()) - transport,
                            s.added(java.responses().p50()) - transport),
                    ratio(
                            s.added(python.responses().p95()) - transport,
                            s.added(java.responses().p95()) - transport)));
        }
    }

    static void scaling(StringBuilder md, VoiceReport r, List<String> labels) {
        md.append("## Sessions per core\n\n");
        md.append(
                "| Worker | N | turns | missed | failed setups | added less transport p50 | p95 | worker CPU (% of a core) | "
                        + "CPU per session | PSS | PSS per session | machine busy | within limit | within own + limit |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (int i = 0; i < r.scaling.size(); i++) {
            WorkersProcess.Tree idle = r.idle.get(i == 0 ? "Java" : "Python");
            for (VoiceScaling.Step st : r.scaling.get(i)) {
                long idlePss = idle == null ? 0 : idle.pssBytes();
                md.append(f(
                        "| %s | %d | %d | %d | %d | %s | %s | %.0f %% | %.1f %% | %.0f MB | %.1f MB | %.0f %% | %s | %s |%n",
                        st.framework(),
                        st.sessions(),
                        st.outcome().responses().count(),
                        st.outcome().missed().get(),
                        st.failedJoins(),
                        Report.ms(st.addedP50()),
                        Double.isInfinite(st.addedP95()) ? "∞" : Report.ms(st.addedP95()),
                        st.agentCpuPercent(),
                        st.agentCpuPercent() / st.sessions(),
                        st.agentPssBytes() / 1048576.0,
                        (st.agentPssBytes() - idlePss) / 1048576.0 / st.sessions(),
                        st.machineBusyPercent(),
                        st.holdsAbsolute() ? "yes" : "**no**",
                        st.holds() ? "yes" : "**no**"));
            }
        }
        md.append('\n');
        for (int i = 0; i < r.scaling.size(); i++) {
            WorkersProcess.Tree idle = r.idle.get(i == 0 ? "Java" : "Python");
            md.append(f(
                    "- %s: %d sessions held within %.0f ms → **%.1f sessions per core**; %d within its own p95 + %.0f ms → "
                            + "**%.1f per core**; idle worker PSS %.0f MB in %d process(es).%n",
                    labels.get(i),
                    r.sessionsHeld(i, true),
                    r.settings.limitMillis(),
                    r.perCore(i, true),
                    r.sessionsHeld(i, false),
                    r.settings.limitMillis(),
                    r.perCore(i, false),
                    idle == null ? 0 : idle.pssBytes() / 1048576.0,
                    idle == null ? 0 : idle.processes()));
        }
        if (r.scaling.size() == 2) {
            md.append(f(
                    "- Ratio Sofia ÷ livekit-agents, sessions per core: %s within %.0f ms, %s within its own p95 + %.0f ms.%n",
                    ratio(r.perCore(0, true), r.perCore(1, true)),
                    r.settings.limitMillis(),
                    ratio(r.perCore(0, false), r.perCore(1, false)),
                    r.settings.limitMillis()));
        }
        md.append('\n');
    }

    private static void row(
            StringBuilder md, VoiceReport.Settings s, String what, VoiceTurns.Outcome o, double transport) {
        Samples x = o.responses();
        md.append(f(
                "| %s | %d | %d | %s / %s | %s | %s | %s |%n",
                what,
                x.count(),
                o.missed().get(),
                Report.ms(x.p50()),
                Report.ms(x.p95()),
                Report.ms(s.added(x.p50())),
                Report.ms(s.added(x.p95())),
                transport == 0
                        ? ""
                        : Report.ms(s.added(x.p50()) - transport) + " / " + Report.ms(s.added(x.p95()) - transport)));
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "n/a (divisor ≤ 0)" : f("%.1f×", a / b);
    }
}
