package dev.sofia.clinic.calls;

import dev.sofia.clinic.livekit.AgentRooms;
import dev.sofia.clinic.livekit.LiveKitWebhookReceived;
import dev.sofia.clinic.practice.PracticeCatalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import livekit.LivekitWebhook.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps call sessions from LiveKit's webhooks, in the webhook request's transaction: the event is
 * stored once (a redelivery, which has the same id, stops there), then applied to the session of
 * its room under a row lock ({@link WebhookTransitions}).
 */
@Component
class CallWebhooks {

    private static final Logger log = LoggerFactory.getLogger(CallWebhooks.class);

    /** National phone numbers are read in this country when the practice names none. */
    static final String DEFAULT_REGION = PracticeRegion.DEFAULT_REGION;

    // PostgreSQL's jsonb cannot hold U+0000; an escaped NUL (not an escaped backslash before "u0000")
    // becomes U+FFFD in the stored copy. The verified body itself is never changed.
    private static final Pattern ESCAPED_NUL = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

    private final JdbcClient jdbc;
    private final CallSessions sessions;
    private final PracticeCatalog catalog;

    CallWebhooks(JdbcClient jdbc, CallSessions sessions, PracticeCatalog catalog) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.catalog = catalog;
    }

    @EventListener
    @Transactional
    public void on(LiveKitWebhookReceived received) {
        WebhookEvent event = received.event();
        String type = event.getEvent();
        String room = event.hasRoom() && !event.getRoom().getName().isEmpty()
                ? event.getRoom().getName()
                : null;
        String participant =
                event.hasParticipant() && !event.getParticipant().getIdentity().isEmpty()
                        ? event.getParticipant().getIdentity()
                        : null;
        Instant at = event.getCreatedAt() > 0 ? Instant.ofEpochSecond(event.getCreatedAt()) : received.receivedAt();
        UUID rowId = UUID.randomUUID();
        int stored = jdbc.sql("""
                        insert into call_events (id, event_id, event_type, room_name, participant_identity,
                                                 event_created_at, received_at, payload)
                        values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        on conflict (event_id) do nothing
                        """)
                .params(
                        rowId,
                        eventId(event, received.json()),
                        type.isEmpty() ? "unknown" : type,
                        room,
                        participant,
                        event.getCreatedAt() > 0 ? CallSessions.utc(at) : null,
                        CallSessions.utc(received.receivedAt()),
                        ESCAPED_NUL.matcher(received.json()).replaceAll("$1\\\\ufffd"))
                .update();
        if (stored == 0) {
            log.debug("LiveKit webhook {} id={} was already stored", type, event.getId());
            return;
        }
        if (room == null || room.startsWith(AgentRooms.DIAGNOSE_ROOM_PREFIX)) {
            return; // stored as an event, but a diagnose test room is not a call
        }
        CallSession session = WebhookTransitions.opensSession(type)
                ? sessions.lockOrCreate(room, received.receivedAt())
                : sessions.lock(room).orElse(null);
        if (session == null) {
            return;
        }
        jdbc.sql("update call_events set call_session_id = ? where id = ?")
                .params(session.id(), rowId)
                .update();
        SessionDraft draft = SessionDraft.of(session);
        WebhookTransitions.apply(draft, event, at, region(event));
        sessions.save(session, draft.toSession());
    }

    /** LiveKit's event id; an event without one is identified by its body, so a redelivery still dedupes. */
    private static String eventId(WebhookEvent event, String json) {
        if (!event.getId().isBlank()) {
            return event.getId();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Only SIP participants carry numbers; the practice is read just for them. */
    private String region(WebhookEvent event) {
        if (!event.hasParticipant() || event.getParticipant().getAttributesCount() == 0) {
            return DEFAULT_REGION;
        }
        return PracticeRegion.of(catalog);
    }
}
