package dev.sofia.clinic.calls;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.UnknownReferenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the receptionist records about a call while it runs: the patient, the outcome and summary,
 * and the transcript line by line. Every write locks the session's row first, so writes for one
 * call (and the webhooks closing it) take turns, while different calls never wait for each other.
 * Transcripts and summaries are health data; {@link TranscriptPurge} deletes them after the
 * retention period.
 */
@Service
public class CallRecords {

    static final int MAX_SUMMARY = 2000;
    static final int MAX_LINE = 4000;

    private final JdbcClient jdbc;
    private final Patients patients;

    CallRecords(JdbcClient jdbc, Patients patients) {
        this.jdbc = jdbc;
        this.patients = patients;
    }

    /**
     * Records who the caller is. A later call replaces an earlier one (the receptionist may correct
     * itself).
     *
     * @throws NotFoundException for an unknown session
     * @throws UnknownReferenceException (field {@code patientId}) for an unknown patient
     */
    @Transactional
    public void recordPatient(UUID callSessionId, UUID patientId) {
        require(callSessionId, "callSessionId");
        require(patientId, "patientId");
        if (!patients.exists(new PatientId(patientId))) {
            throw new UnknownReferenceException("patientId", "patient");
        }
        lock(callSessionId);
        jdbc.sql("update call_sessions set patient_id = ? where id = ?")
                .params(patientId, callSessionId)
                .update();
    }

    /**
     * Records how the call ended for the practice. The outcome only moves up (see {@link
     * CallOutcome} for the order): an outcome weaker than the recorded one leaves it as it is, so
     * {@code booked} followed by {@code info} stays {@code booked}, and a call closed as {@code
     * abandoned} still becomes {@code booked} if the agent reports late. The summary goes with the
     * outcome: given with an outcome at least as strong as the recorded one, it replaces the
     * recorded summary (the last booking's summary describes a call with two); with a weaker one it
     * is kept only if the call has no summary yet. Null or blank keeps the summary there is. It is
     * trimmed and cut to {@value #MAX_SUMMARY} characters, since a model's summary should not be
     * lost over its length.
     *
     * @throws NotFoundException for an unknown session
     */
    @Transactional
    public void recordOutcome(UUID callSessionId, CallOutcome outcome, @Nullable String summary) {
        require(callSessionId, "callSessionId");
        require(outcome, "outcome");
        String text = CallText.capped(summary, MAX_SUMMARY);
        CallSession session = lock(callSessionId);
        CallOutcome recorded = session.outcome();
        boolean atLeastAsStrong = recorded == null || !recorded.outranks(outcome);
        CallOutcome next = outcome.outranks(recorded) ? outcome : recorded;
        String nextSummary = text != null && (atLeastAsStrong || session.summary() == null) ? text : session.summary();
        jdbc.sql("update call_sessions set outcome = ?, summary = ? where id = ?")
                .params(next.dbValue(), nextSummary, callSessionId)
                .update();
        if (outcome == CallOutcome.TRANSFERRED
                && session.channel() == CallChannel.PHONE
                && session.status() == CallStatus.ENDED) {
            // The caller's leg ended (its webhook came first) because of this transfer.
            jdbc.sql("update call_sessions set end_reason = ? where id = ?")
                    .params(WebhookTransitions.TRANSFERRED, callSessionId)
                    .update();
        }
    }

    /**
     * Appends one line to the call's transcript with the next number: the session's row is locked
     * for the rest of the transaction, so concurrent appenders for one call are numbered in the order
     * they get the lock, without gaps. The text is trimmed and cut to {@value #MAX_LINE} characters;
     * a blank (or null) text is ignored.
     *
     * @throws NotFoundException for an unknown session
     */
    @Transactional
    public void appendTranscript(UUID callSessionId, TranscriptLine.Speaker speaker, String text, Instant spokenAt) {
        List<FieldProblem> problems = new ArrayList<>();
        if (callSessionId == null) {
            problems.add(new FieldProblem("callSessionId", "is required"));
        }
        if (speaker == null) {
            problems.add(new FieldProblem("speaker", "is required"));
        }
        if (spokenAt == null) {
            problems.add(new FieldProblem("spokenAt", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String line = CallText.capped(text, MAX_LINE);
        if (line == null) {
            return;
        }
        lock(callSessionId);
        jdbc.sql("""
                        insert into call_transcript_lines (id, call_session_id, seq, speaker, text, spoken_at)
                        select ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?
                        from call_transcript_lines where call_session_id = ?
                        """)
                .params(
                        UUID.randomUUID(),
                        callSessionId,
                        speaker.dbValue(),
                        line,
                        CallSessions.utc(spokenAt),
                        callSessionId)
                .update();
    }

    /** The call's transcript in order; empty for an unknown session or one whose transcript was purged. */
    public List<TranscriptLine> transcript(UUID callSessionId) {
        return jdbc.sql("""
                        select seq, speaker, text, spoken_at from call_transcript_lines
                        where call_session_id = ? order by seq
                        """).param(callSessionId).query(CallRecords::line).list();
    }

    private CallSession lock(UUID callSessionId) {
        return jdbc.sql("select * from call_sessions where id = ? for update")
                .param(callSessionId)
                .query(CallSessions::session)
                .optional()
                .orElseThrow(() -> new NotFoundException("call", callSessionId));
    }

    private static void require(@Nullable Object value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
    }

    private static TranscriptLine line(ResultSet rs, int row) throws SQLException {
        return new TranscriptLine(
                rs.getInt("seq"),
                TranscriptLine.Speaker.fromDb(rs.getString("speaker")),
                rs.getString("text"),
                rs.getObject("spoken_at", OffsetDateTime.class).toInstant());
    }
}
