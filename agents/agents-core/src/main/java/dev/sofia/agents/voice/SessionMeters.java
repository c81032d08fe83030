package dev.sofia.agents.voice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Records a session's turn metrics and incidents in Micrometer: timers {@code
 * sofia.agent.turn.end_of_utterance}, {@code .transcription}, {@code .llm_ttft}, {@code .tts_ttfb}
 * and {@code .response} (end of the caller's speech to the reply's first audio), and counters {@code
 * sofia.agent.interruptions}, {@code sofia.agent.false_interruptions} and {@code
 * sofia.agent.errors} by source. Meters are shared by all sessions on the registry.
 */
final class SessionMeters implements Consumer<SessionEvent> {

    private final MeterRegistry registry;
    private final Timer endOfUtterance;
    private final Timer transcription;
    private final Timer llmTtft;
    private final Timer ttsTtfb;
    private final Timer response;
    private final Counter interruptions;
    private final Counter falseInterruptions;

    SessionMeters(MeterRegistry registry) {
        this.registry = registry;
        this.endOfUtterance = timer("end_of_utterance", "end of the caller's speech to the turn committed");
        this.transcription = timer("transcription", "end of the caller's speech to the final transcript");
        this.llmTtft = timer("llm_ttft", "reply start to the model's first token");
        this.ttsTtfb = timer("tts_ttfb", "the model's first token to the reply's first audio");
        this.response = timer("response", "end of the caller's speech to the reply's first audio");
        this.interruptions = Counter.builder("sofia.agent.interruptions")
                .description("replies cut off by the caller")
                .register(registry);
        this.falseInterruptions = Counter.builder("sofia.agent.false_interruptions")
                .description("pauses for caller noise after which the agent went on")
                .register(registry);
    }

    @Override
    public void accept(SessionEvent event) {
        switch (event) {
            case SessionEvent.Metrics(TurnMetrics m) -> {
                record(endOfUtterance, m.endOfUtteranceDelay());
                record(transcription, m.transcriptionDelay());
                record(llmTtft, m.llmTimeToFirstToken());
                record(ttsTtfb, m.ttsTimeToFirstByte());
                record(response, m.responseLatency());
            }
            case SessionEvent.ReplyInterrupted r -> interruptions.increment();
            case SessionEvent.FalseInterruption f -> falseInterruptions.increment();
            case SessionEvent.Error e ->
                Counter.builder("sofia.agent.errors")
                        .description("provider failures the session handled")
                        .tag("source", e.source())
                        .register(registry)
                        .increment();
            default -> {}
        }
    }

    private Timer timer(String name, String description) {
        return Timer.builder("sofia.agent.turn." + name)
                .description(description)
                .publishPercentiles(0.5, 0.95)
                .register(registry);
    }

    private static void record(Timer timer, @Nullable Duration value) {
        if (value != null) {
            timer.record(value);
        }
    }
}
