package dev.sofia.clinic.console.people;

import dev.sofia.clinic.calls.CallSessions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calls for the console's tests. Web calls open through {@link CallSessions} as the connect
 * endpoint opens them; what only LiveKit's webhooks do (a caller joining, a phone call arriving)
 * is written straight into {@code call_sessions}, as the webhook handling would leave it.
 */
final class CallSeeds {

    private final CallSessions sessions;
    private final JdbcClient jdbc;

    CallSeeds(CallSessions sessions, JdbcClient jdbc) {
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    /** A web call whose caller has joined: active since {@code answered}. */
    UUID activeWebCall(Instant answered) {
        UUID id = sessions.openWebSession("web-" + UUID.randomUUID(), null, "caller-test", "de", null)
                .id();
        jdbc.sql("update call_sessions set status = 'active', created_at = ?, answered_at = ? where id = ?")
                .params(Timestamp.from(answered), Timestamp.from(answered), id)
                .update();
        return id;
    }

    /** Marks a ringing call answered at {@code answered}, as the caller joining would. */
    void activate(UUID id, Instant answered) {
        jdbc.sql("update call_sessions set status = 'active', answered_at = ? where id = ?")
                .params(Timestamp.from(answered), id)
                .update();
    }

    /** A phone call in progress from {@code callerNumber} (E.164). */
    UUID activePhoneCall(String callerNumber, Instant answered) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into call_sessions (id, room_name, participant_identity, caller_number, called_number,
                                                   direction, channel, language, status, created_at, answered_at)
                        values (?, ?, ?, ?, '+4930901820', 'inbound', 'phone', 'de', 'active', ?, ?)
                        """)
                .params(
                        id,
                        "call-" + id,
                        "sip_" + callerNumber,
                        callerNumber,
                        Timestamp.from(answered),
                        Timestamp.from(answered))
                .update();
        return id;
    }

    /** Ends a call as the webhook for the caller leaving would. */
    void end(UUID id, Instant at) {
        sessions.close(id, "participant_left", at);
    }
}
