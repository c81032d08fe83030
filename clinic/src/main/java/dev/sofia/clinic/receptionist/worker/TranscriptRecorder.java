package dev.sofia.clinic.receptionist.worker;

import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.voice.SessionEvent;
import dev.sofia.clinic.calls.CallRecords;
import dev.sofia.clinic.calls.TranscriptLine;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes both sides of the conversation onto the call session as the session adds them to its
 * history (the agent's lines as far as they were heard). The session's loop must never wait for the
 * database, so lines are written in order by a thread of their own.
 */
final class TranscriptRecorder implements Consumer<SessionEvent>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TranscriptRecorder.class);

    private final CallRecords records;
    private final UUID callSessionId;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("transcript-writer").factory());

    TranscriptRecorder(CallRecords records, UUID callSessionId, Clock clock) {
        this.records = records;
        this.callSessionId = callSessionId;
        this.clock = clock;
    }

    @Override
    public void accept(SessionEvent event) {
        if (event instanceof SessionEvent.ItemAdded added
                && added.item() instanceof ChatMessage message
                && !message.text().isBlank()) {
            TranscriptLine.Speaker speaker = switch (message.role()) {
                case USER -> TranscriptLine.Speaker.CALLER;
                case ASSISTANT -> TranscriptLine.Speaker.AGENT;
                default -> null;
            };
            if (speaker != null) {
                var at = clock.instant();
                writer.execute(() -> write(speaker, message.text(), at));
            }
        }
    }

    private void write(TranscriptLine.Speaker speaker, String text, java.time.Instant at) {
        try {
            records.appendTranscript(callSessionId, speaker, text, at);
        } catch (RuntimeException e) {
            log.warn("Could not record a transcript line of call {}", callSessionId, e);
        }
    }

    /** Waits (briefly) for the lines still being written. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Transcript lines of call {} were still being written at the end", callSessionId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
