package dev.sofia.bench;

import dev.sofia.livekit.local.LiveKitServerConfig;
import java.time.Duration;
import java.util.List;

/**
 * One step of the sessions-per-core phase for one worker ({@link VoiceScaling}): N fresh rooms with
 * their callers and the worker's agents, a few turns in each, the worker's process tree (CPU over the
 * turns, memory at their end) and the machine's busy time measured around them.
 */
final class VoiceSteps {

    private final WorkersLiveKit liveKit;
    private final LiveKitServerConfig config;
    private final String url;
    private final List<VoiceSpeech.Utterance> utterances;
    private final Duration period;
    private final VoiceReport.Settings settings;

    VoiceSteps(
            WorkersLiveKit liveKit,
            LiveKitServerConfig config,
            String url,
            List<VoiceSpeech.Utterance> utterances,
            Duration period,
            VoiceReport.Settings settings) {
        this.liveKit = liveKit;
        this.config = config;
        this.url = url;
        this.utterances = utterances;
        this.period = period;
        this.settings = settings;
    }

    /**
     * {@code transport}: the transport's round trip (p50, ms) taken off every figure; {@code baseline}:
     * the worker's p95 less transport with a few conversations (the latency phase).
     */
    VoiceScaling.Worker worker(String label, WorkersProcess process, double transport, double baseline) {
        return new VoiceScaling.Worker() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public VoiceScaling.Step step(int sessions) throws InterruptedException {
                return measure(label, process, sessions, transport, baseline);
            }
        };
    }

    private VoiceScaling.Step measure(
            String label, WorkersProcess process, int sessions, double transport, double baseline)
            throws InterruptedException {
        VoiceTurns.Outcome outcome = VoiceTurns.Outcome.empty();
        try (VoiceProviders providers = new VoiceProviders(settings.delays());
                VoiceRooms rooms = VoiceRooms.open(
                        liveKit,
                        config,
                        url,
                        process.agentName,
                        "vb-step-" + sessions,
                        sessions,
                        providers.metadata())) {
            WorkersProcess.Tree start = process.tree();
            long[] busyStart = ProcStats.machineTicks();
            long t0 = System.nanoTime();
            int turnsEach = Math.max(settings.stepTurns(), (settings.stepMinTurns() + sessions - 1) / sessions);
            rooms.talk(utterances, settings.warmup(), turnsEach, period, outcome);
            double seconds = (System.nanoTime() - t0) / 1e9;
            WorkersProcess.Tree end = process.tree();
            long[] busyEnd = ProcStats.machineTicks();
            double cpu = 100.0 * end.ticksSince(start) / ProcStats.TICKS_PER_SECOND / seconds;
            double busy = 100.0 * (busyEnd[0] - busyStart[0]) / Math.max(1, busyEnd[1] - busyStart[1]);
            double p50 = settings.added(outcome.responses().p50()) - transport;
            double p95 = settings.added(p95CountingMisses(outcome)) - transport;
            boolean holdsAbsolute = rooms.failed == 0 && p95 <= settings.limitMillis();
            boolean holds = rooms.failed == 0 && p95 <= Math.max(0, baseline) + settings.limitMillis();
            return new VoiceScaling.Step(
                    label,
                    sessions,
                    rooms.failed,
                    outcome,
                    p50,
                    p95,
                    seconds,
                    cpu,
                    end.pssBytes(),
                    end.rssBytes(),
                    end.processes(),
                    busy,
                    holdsAbsolute,
                    holds);
        }
    }

    /** The p95 of the turns' figures with every unanswered turn counted as infinitely late. */
    static double p95CountingMisses(VoiceTurns.Outcome outcome) {
        int answered = outcome.responses().count();
        int total = answered + outcome.missed().get();
        int rank = (int) Math.ceil(0.95 * total);
        if (total == 0 || rank > answered) {
            return Double.POSITIVE_INFINITY;
        }
        return outcome.responses().percentileMillis(100.0 * (rank - 0.5) / answered); // nearest rank = rank
    }
}
