package dev.sofia.clinic.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call_sessions table. Other modules open web sessions and read; status changes come from
 * webhooks ({@link CallWebhooks}) and the {@link CallSweeper}, always on a row locked for update, so
 * two events for one room never interleave.
 */
@Service
public class CallSessions {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallSessions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the web call the connect endpoint just set up, ringing until the caller joins. If a
     * webhook for the room got here first, its session is completed with what only the connect
     * request knows (identity, language, dispatch) and nothing it already knows is overwritten.
     */
    @Transactional
    public CallSession openWebSession(
            String roomName, @Nullable String roomSid, String identity, String language, @Nullable String dispatchId) {
        boolean inserted = jdbc.sql("""
                        insert into call_sessions (id, room_name, room_sid, participant_identity, direction, channel,
                                                   language, status, created_at, agent_dispatch_id)
                        values (?, ?, ?, ?, 'inbound', 'web', ?, 'ringing', ?, ?)
                        on conflict (room_name) do update set
                            room_sid = coalesce(call_sessions.room_sid, excluded.room_sid),
                            participant_identity = coalesce(call_sessions.participant_identity,
                                                            excluded.participant_identity),
                            language = coalesce(call_sessions.language, excluded.language),
                            agent_dispatch_id = coalesce(call_sessions.agent_dispatch_id, excluded.agent_dispatch_id)
                        returning xmax = 0
                        """)
                .params(UUID.randomUUID(), roomName, roomSid, identity, language, utc(clock.instant()), dispatchId)
                .query(Boolean.class)
                .single();
        CallSession session = findByRoom(roomName).orElseThrow();
        if (inserted) {
            events.publishEvent(new CallSessionOpened(session.id(), roomName, session.channel(), session.createdAt()));
        }
        return session;
    }

    public Optional<CallSession> find(UUID id) {
        return jdbc.sql("select * from call_sessions where id = ?")
                .param(id)
                .query(CallSessions::session)
                .optional();
    }

    public Optional<CallSession> findByRoom(String roomName) {
        return jdbc.sql("select * from call_sessions where room_name = ?")
                .param(roomName)
                .query(CallSessions::session)
                .optional();
    }

    /**
     * Sessions newest first (by creation, then id), filtered by whatever is not null; {@code before}
     * continues a listing after the session it names.
     */
    public List<CallSession> list(
            @Nullable CallStatus status,
            @Nullable CallChannel channel,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable CallSession before,
            int limit) {
        return list(status, channel, null, from, to, before, limit);
    }

    /** Like {@link #list(CallStatus, CallChannel, Instant, Instant, CallSession, int)}, also by outcome. */
    public List<CallSession> list(
            @Nullable CallStatus status,
            @Nullable CallChannel channel,
            @Nullable CallOutcome outcome,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable CallSession before,
            int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (outcome != null) {
            where.add("outcome = :outcome");
            params.put("outcome", outcome.dbValue());
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.value());
        }
        if (channel != null) {
            where.add("channel = :channel");
            params.put("channel", channel.value());
        }
        if (from != null) {
            where.add("created_at >= :from");
            params.put("from", utc(from));
        }
        if (to != null) {
            where.add("created_at < :to");
            params.put("to", utc(to));
        }
        if (before != null) {
            where.add("(created_at, id) < (:beforeCreatedAt, :beforeId)");
            params.put("beforeCreatedAt", utc(before.createdAt()));
            params.put("beforeId", before.id());
        }
        params.put("limit", limit);
        String sql = "select * from call_sessions"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by created_at desc, id desc limit :limit";
        return jdbc.sql(sql).params(params).query(CallSessions::session).list();
    }

    /** The calls in progress (ringing or active), newest first. */
    public List<CallSession> inProgress(int limit) {
        return jdbc.sql("""
                        select * from call_sessions where status in ('ringing', 'active')
                        order by created_at desc, id desc limit ?
                        """).param(limit).query(CallSessions::session).list();
    }

    /**
     * How many calls in progress (ringing or active) began before {@code session}: its place in the
     * queue when the practice takes only so many calls at once. Ties in time go by id, so two calls
     * arriving together never both count the other as earlier.
     */
    public int inProgressBefore(CallSession session) {
        return jdbc.sql("""
                        select count(*) from call_sessions
                        where status in ('ringing', 'active') and (created_at, id) < (?, ?)
                        """)
                .params(utc(session.createdAt()), session.id())
                .query(Integer.class)
                .single();
    }

    /** The calls the receptionist identified as {@code patientId}'s, newest first. */
    public List<CallSession> ofPatient(UUID patientId, int limit) {
        return jdbc.sql("select * from call_sessions where patient_id = ? order by created_at desc, id desc limit ?")
                .params(patientId, limit)
                .query(CallSessions::session)
                .list();
    }

    /** The stored webhook events of a session, in the order LiveKit says they happened. */
    public List<CallEvent> events(UUID sessionId) {
        return jdbc.sql("""
                        select id, event_id, event_type, participant_identity, event_created_at, received_at
                        from call_events where call_session_id = ?
                        order by coalesce(event_created_at, received_at), received_at, event_id
                        """)
                .param(sessionId)
                .query((rs, n) -> new CallEvent(
                        rs.getObject("id", UUID.class),
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        rs.getString("participant_identity"),
                        instant(rs, "event_created_at"),
                        instant(rs, "received_at")))
                .list();
    }

    /**
     * Sessions not yet ended that were created before {@code createdBefore}, oldest first, starting
     * after {@code after} (null: from the oldest).
     */
    List<CallSession> openCreatedBefore(Instant createdBefore, @Nullable CallSession after, int limit) {
        return jdbc.sql("""
                        select * from call_sessions
                        where status in ('ringing', 'active') and created_at < ?
                          and (cast(? as timestamptz) is null or (created_at, id) > (?, ?))
                        order by created_at, id limit ?
                        """)
                .params(
                        utc(createdBefore),
                        after == null ? null : utc(after.createdAt()),
                        after == null ? null : utc(after.createdAt()),
                        after == null ? null : after.id(),
                        limit)
                .query(CallSessions::session)
                .list();
    }

    /**
     * The session of {@code roomName}, locked for the rest of the transaction; created ringing first
     * if the room has none (a webhook may be the first Sofia hears of a room).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    CallSession lockOrCreate(String roomName, Instant now) {
        CallChannel channel = CallChannel.ofRoom(roomName);
        CallDirection direction = CallDirection.ofRoom(roomName);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into call_sessions (id, room_name, direction, channel, status, created_at)
                        values (?, ?, ?, ?, 'ringing', ?)
                        on conflict (room_name) do nothing
                        """)
                .params(id, roomName, direction.value(), channel.value(), utc(now))
                .update();
        CallSession session = lock(roomName).orElseThrow();
        if (inserted == 1) {
            events.publishEvent(new CallSessionOpened(session.id(), roomName, channel, session.createdAt()));
        }
        return session;
    }

    /** The session of {@code roomName}, if any, locked for the rest of the transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<CallSession> lock(String roomName) {
        return jdbc.sql("select * from call_sessions where room_name = ? for update")
                .param(roomName)
                .query(CallSessions::session)
                .optional();
    }

    /**
     * Writes what changed between {@code before} and {@code after} (a session locked in this
     * transaction) and announces the end if this is where it ended.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void save(CallSession before, CallSession after) {
        if (before.equals(after)) {
            return;
        }
        jdbc.sql("""
                        update call_sessions set
                            room_sid = ?, participant_identity = ?, sip_call_id = ?, trunk_id = ?,
                            caller_number = ?, called_number = ?, status = ?, answered_at = ?, ended_at = ?,
                            end_reason = ?, agent_job_id = ?, agent_identity = ?
                        where id = ?
                        """)
                .params(
                        after.roomSid(),
                        after.participantIdentity(),
                        after.sipCallId(),
                        after.trunkId(),
                        after.callerNumber(),
                        after.calledNumber(),
                        after.status().value(),
                        utc(after.answeredAt()),
                        utc(after.endedAt()),
                        after.endReason(),
                        after.agentJobId(),
                        after.agentIdentity(),
                        after.id())
                .update();
        if (!before.status().terminal() && after.status().terminal()) {
            // Closed before the receptionist recorded anything: nothing came of the call. A later
            // outcome still replaces this one (CallRecords.recordOutcome), since any outranks it.
            jdbc.sql("update call_sessions set outcome = ? where id = ? and outcome is null")
                    .params(CallOutcome.ABANDONED.dbValue(), after.id())
                    .update();
            events.publishEvent(new CallSessionEnded(
                    after.id(), after.roomName(), after.status(), after.endReason(), after.endedAt()));
        }
    }

    /**
     * Closes a session that is still open: an active one ends, a ringing one fails; both with
     * {@code reason}. Returns false if it had already been closed meanwhile.
     */
    @Transactional
    public boolean close(UUID id, String reason, Instant at) {
        CallSession session = jdbc.sql("select * from call_sessions where id = ? for update")
                .param(id)
                .query(CallSessions::session)
                .optional()
                .orElse(null);
        if (session == null || session.status().terminal()) {
            return false;
        }
        SessionDraft draft = SessionDraft.of(session);
        draft.status = session.status() == CallStatus.ACTIVE ? CallStatus.ENDED : CallStatus.FAILED;
        draft.endedAt = draft.answeredAt != null && at.isBefore(draft.answeredAt) ? draft.answeredAt : at;
        draft.endReason = reason;
        save(session, draft.toSession());
        return true;
    }

    static CallSession session(ResultSet rs, int row) throws SQLException {
        return new CallSession(
                rs.getObject("id", UUID.class),
                rs.getString("room_name"),
                rs.getString("room_sid"),
                rs.getString("participant_identity"),
                rs.getString("sip_call_id"),
                rs.getString("trunk_id"),
                rs.getString("caller_number"),
                rs.getString("called_number"),
                CallDirection.of(rs.getString("direction")),
                CallChannel.of(rs.getString("channel")),
                rs.getString("language"),
                CallStatus.of(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "answered_at"),
                instant(rs, "ended_at"),
                rs.getString("end_reason"),
                rs.getString("agent_dispatch_id"),
                rs.getString("agent_job_id"),
                rs.getString("agent_identity"),
                rs.getObject("patient_id", UUID.class),
                rs.getString("outcome") == null ? null : CallOutcome.fromDb(rs.getString("outcome")),
                rs.getString("summary"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
