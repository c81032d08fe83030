package dev.sofia.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One caller's turns: at fixed instants (start + phase + k × period, later if the agent is still
 * speaking) it speaks the next utterance, then waits for the agent's first audible frame. A turn's
 * figure is that frame's instant minus the instant the caller's last speech frame went out; the
 * configured delays are subtracted in the report. A turn without an answer within {@link #ANSWER_TIMEOUT}
 * is counted as missed.
 */
final class VoiceTurns {

    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(6);
    /** The agent counts as quiet when it has played nothing audible for this long. */
    static final Duration QUIET = Duration.ofMillis(300);

    /** What a set of turns gave: end-of-speech to first agent audio, and the turns without an answer. */
    record Outcome(Samples responses, AtomicInteger missed) {

        static Outcome empty() {
            return new Outcome(new Samples(), new AtomicInteger());
        }
    }

    private VoiceTurns() {}

    /**
     * Runs {@code warmup + turns} turns on the line from {@code startNanos + phase}; only the last
     * {@code turns} count.
     */
    static void run(
            VoiceLine line,
            List<VoiceSpeech.Utterance> utterances,
            int warmup,
            int turns,
            long startNanos,
            Duration phase,
            Duration period,
            Outcome outcome)
            throws InterruptedException {
        run(line, utterances, warmup, turns, startNanos, phase, period, outcome, false);
    }

    /**
     * As above; with {@code fromStart} a turn's figure counts from the first frame of the utterance
     * (for an echo, whose "answer" starts as soon as the utterance arrives).
     */
    static void run(
            VoiceLine line,
            List<VoiceSpeech.Utterance> utterances,
            int warmup,
            int turns,
            long startNanos,
            Duration phase,
            Duration period,
            Outcome outcome,
            boolean fromStart)
            throws InterruptedException {
        for (int k = 0; k < warmup + turns; k++) {
            long at = startNanos + phase.toNanos() + k * period.toNanos();
            sleepUntil(at);
            while (System.nanoTime() - line.lastAgentAudioNanos() < QUIET.toNanos()) {
                Thread.sleep(10);
            }
            line.speak(utterances.get(k % utterances.size()));
            long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos() + 3_000_000_000L;
            while ((line.speechEndedNanos() == 0 || line.firstAgentAudioNanos() == 0) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long end = fromStart ? line.speechStartedNanos() : line.speechEndedNanos();
            long first = line.firstAgentAudioNanos();
            if (k < warmup) {
                continue;
            }
            // an answer before the end of speech would be to something else (a split utterance)
            if (end == 0 || first == 0 || first < end || first - end > ANSWER_TIMEOUT.toNanos()) {
                outcome.missed().incrementAndGet();
            } else {
                outcome.responses().add(first - end);
            }
        }
        // let the last answer play out before the caller leaves
        Thread.sleep(VoiceSpeech.ANSWER_MILLIS + QUIET.toMillis());
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
