package dev.sofia.clinic.calls;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what was said in a call once the call ended more than {@link
 * CallsProperties#transcriptRetentionDays()} ago: its transcript lines and its summary, both health
 * data. The session itself (times, outcome, patient) stays for the practice's records, and so do
 * messages for staff. Runs every {@link CallsProperties#transcriptPurgeInterval()}; {@link #purge()}
 * runs it on the spot. Logs and counts calls, never content.
 */
@Component
public class TranscriptPurge {

    static final String PURGED_METRIC = "sofia.calls.transcripts.purged";

    private static final Logger log = LoggerFactory.getLogger(TranscriptPurge.class);

    private final JdbcClient jdbc;
    private final CallsProperties properties;
    private final Clock clock;
    private final Counter purged;

    TranscriptPurge(JdbcClient jdbc, CallsProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.purged = Counter.builder(PURGED_METRIC)
                .description("Calls whose transcript and summary were deleted after the retention period")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${sofia.calls.transcript-purge-interval:PT1H}",
            initialDelayString = "${sofia.calls.transcript-purge-interval:PT1H}")
    void scheduledPurge() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Transcript purge failed; it runs again in {}", properties.transcriptPurgeInterval(), e);
        }
    }

    /**
     * Deletes the transcripts and summaries of calls that ended before now minus the retention
     * period, in one statement (so all of it or nothing); returns how many calls lost one or both.
     */
    public int purge() {
        Instant cutoff = clock.instant().minus(properties.transcriptRetention());
        Purged result = jdbc.sql("""
                        with lines as (
                            delete from call_transcript_lines l using call_sessions s
                            where l.call_session_id = s.id and s.ended_at < ?
                            returning l.call_session_id
                        ), summaries as (
                            update call_sessions set summary = null
                            where summary is not null and ended_at < ?
                            returning id
                        )
                        select (select count(*) from lines) as lines,
                               (select count(*) from (select call_session_id from lines
                                                      union select id from summaries) calls) as calls
                        """)
                .params(CallSessions.utc(cutoff), CallSessions.utc(cutoff))
                .query((rs, row) -> new Purged(rs.getInt("calls"), rs.getInt("lines")))
                .single();
        if (result.calls() > 0) {
            purged.increment(result.calls());
            log.info(
                    "Purged the transcripts of {} calls ({} lines) that ended more than {} days ago",
                    result.calls(),
                    result.lines(),
                    properties.transcriptRetentionDays());
        }
        return result.calls();
    }

    private record Purged(int calls, int lines) {}
}
