package dev.sofia.clinic.calls;

import dev.sofia.clinic.system.PhoneNumbers;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitWebhook.WebhookEvent;
import org.jspecify.annotations.Nullable;

/**
 * What one webhook event does to a call session, as a pure function of the session and the event.
 * Status only moves forward (ringing, active, then ended or failed) and a closed session is never
 * reopened. Events arrive late and out of order, so an event may still complete a closed session
 * with what it knows, but only if it happened before the session was closed ({@code at} not after
 * {@code endedAt}; anything later changes nothing): a caller who left before the room finished
 * makes the call ended (not failed), with the caller's own reason and time.
 */
final class WebhookTransitions {

    static final String ROOM_STARTED = "room_started";
    static final String ROOM_FINISHED = "room_finished";
    static final String PARTICIPANT_JOINED = "participant_joined";
    static final String PARTICIPANT_LEFT = "participant_left";

    /** Agents join as {@code agent-<jobId>}. */
    static final String AGENT_IDENTITY_PREFIX = "agent-";

    static final String CALLER_LEFT = "caller-left";
    static final String ROOM_FINISHED_REASON = "room-finished";
    static final String NO_CALLER = "no-caller";
    /** A phone caller Sofia put through to the practice (SIP REFER): LiveKit only says they left. */
    static final String TRANSFERRED = "transferred";

    static final String SIP_CALL_ID = "sip.callID";
    static final String SIP_TRUNK_ID = "sip.trunkID";
    static final String SIP_PHONE_NUMBER = "sip.phoneNumber";
    static final String SIP_TRUNK_PHONE_NUMBER = "sip.trunkPhoneNumber";

    private WebhookTransitions() {}

    /** Whether this kind of event creates a session for a room Sofia has not seen yet. */
    static boolean opensSession(String type) {
        return switch (type) {
            case ROOM_STARTED, ROOM_FINISHED, PARTICIPANT_JOINED, PARTICIPANT_LEFT -> true;
            default -> false;
        };
    }

    /**
     * Applies {@code event}, which LiveKit says happened {@code at}, to {@code s}.
     *
     * @param region the country national phone numbers are read in
     */
    static void apply(SessionDraft s, WebhookEvent event, Instant at, String region) {
        if (s.status.terminal() && at.isAfter(s.endedAt)) {
            // Happened after the session closed: a new room under the old name, or a straggler the
            // sweeper already accounted for. It belongs to no call this session describes.
            return;
        }
        if (event.hasRoom() && s.roomSid == null && !event.getRoom().getSid().isEmpty()) {
            s.roomSid = event.getRoom().getSid();
        }
        switch (event.getEvent()) {
            case PARTICIPANT_JOINED -> {
                if (event.hasParticipant()) {
                    joined(s, event.getParticipant(), at, region);
                }
            }
            case PARTICIPANT_LEFT -> {
                if (event.hasParticipant()) {
                    left(s, event.getParticipant(), at, region);
                }
            }
            case ROOM_FINISHED -> finished(s, at);
            default -> {
                // room_started only names the room; tracks, egress and the rest change nothing.
            }
        }
    }

    private static void joined(SessionDraft s, ParticipantInfo p, Instant at, String region) {
        if (isAgent(p)) {
            recordAgent(s, p);
            return;
        }
        if (!isCaller(s, p)) {
            return;
        }
        recordCaller(s, p, region);
        Instant joinedAt = joinedAt(p, at);
        switch (s.status) {
            case RINGING -> {
                s.status = CallStatus.ACTIVE;
                s.answeredAt = joinedAt;
            }
            case ACTIVE -> {
                // already answered: a reconnect or a redelivery with a new id changes nothing
            }
            case ENDED -> {
                if (s.answeredAt == null) {
                    s.answeredAt = earliest(joinedAt, s.endedAt);
                }
            }
            case FAILED -> {
                // The room closed "without a caller" only because this join came late.
                s.status = CallStatus.ENDED;
                s.answeredAt = earliest(joinedAt, s.endedAt);
                if (NO_CALLER.equals(s.endReason)) {
                    s.endReason = ROOM_FINISHED_REASON;
                }
            }
        }
    }

    private static void left(SessionDraft s, ParticipantInfo p, Instant at, String region) {
        if (isAgent(p)) {
            recordAgent(s, p);
            return;
        }
        if (!isCaller(s, p)) {
            return;
        }
        recordCaller(s, p, region);
        Instant joinedAt = joinedAt(p, at);
        // after a transfer the carrier drops the leg to LiveKit, which LiveKit reports as an
        // ordinary departure; the transfer (recorded first, CallRecords) is the real reason
        String reason = p.getKind() == ParticipantInfo.Kind.SIP && s.outcome() == CallOutcome.TRANSFERRED
                ? TRANSFERRED
                : leftReason(p);
        switch (s.status) {
            case RINGING, ACTIVE -> {
                s.status = CallStatus.ENDED;
                if (s.answeredAt == null) {
                    s.answeredAt = earliest(joinedAt, at);
                }
                s.endedAt = latest(at, s.answeredAt);
                s.endReason = reason;
            }
            case ENDED -> {
                if (s.answeredAt == null) {
                    s.answeredAt = earliest(joinedAt, s.endedAt);
                }
                // Closed by the room or the sweeper before this (earlier) departure was delivered:
                // the caller's own time and reason are the better record.
                if (at.isBefore(s.endedAt) && !s.endReason.equals(reason) && closedByRoom(s.endReason)) {
                    s.endedAt = latest(at, s.answeredAt);
                    s.endReason = reason;
                }
            }
            case FAILED -> {
                s.status = CallStatus.ENDED;
                s.answeredAt = earliest(joinedAt, at);
                s.endedAt = latest(at, s.answeredAt);
                s.endReason = reason;
            }
        }
    }

    private static void finished(SessionDraft s, Instant at) {
        switch (s.status) {
            case RINGING -> {
                s.status = CallStatus.FAILED;
                s.endedAt = at;
                s.endReason = NO_CALLER;
            }
            case ACTIVE -> {
                s.status = CallStatus.ENDED;
                s.endedAt = latest(at, s.answeredAt);
                s.endReason = ROOM_FINISHED_REASON;
            }
            case ENDED, FAILED -> {
                // already closed; never reopened, never closed twice
            }
        }
    }

    private static boolean closedByRoom(String reason) {
        return ROOM_FINISHED_REASON.equals(reason) || CallSweeper.SWEPT.equals(reason);
    }

    static boolean isAgent(ParticipantInfo p) {
        return p.getKind() == ParticipantInfo.Kind.AGENT || p.getIdentity().startsWith(AGENT_IDENTITY_PREFIX);
    }

    /**
     * A person calling: a standard (WebRTC) or SIP participant that is the session's caller, or the
     * first one seen if the session has none yet. Later people (staff joining) are not the caller.
     */
    private static boolean isCaller(SessionDraft s, ParticipantInfo p) {
        boolean person = p.getKind() == ParticipantInfo.Kind.STANDARD || p.getKind() == ParticipantInfo.Kind.SIP;
        return person
                && !p.getIdentity().isEmpty()
                && (s.participantIdentity == null || s.participantIdentity.equals(p.getIdentity()));
    }

    private static void recordAgent(SessionDraft s, ParticipantInfo p) {
        if (s.agentIdentity == null && !p.getIdentity().isEmpty()) {
            s.agentIdentity = p.getIdentity();
        }
        if (s.agentJobId == null
                && p.getIdentity().startsWith(AGENT_IDENTITY_PREFIX)
                && p.getIdentity().length() > AGENT_IDENTITY_PREFIX.length()) {
            s.agentJobId = p.getIdentity().substring(AGENT_IDENTITY_PREFIX.length());
        }
    }

    private static void recordCaller(SessionDraft s, ParticipantInfo p, String region) {
        if (s.participantIdentity == null) {
            s.participantIdentity = p.getIdentity();
        }
        if (s.sipCallId == null) {
            s.sipCallId = attribute(p, SIP_CALL_ID);
        }
        if (s.trunkId == null) {
            s.trunkId = attribute(p, SIP_TRUNK_ID);
        }
        // sip.phoneNumber is the far end, sip.trunkPhoneNumber the practice's own number: on a
        // call Sofia places, the practice is the one calling.
        boolean outbound = s.direction() == CallDirection.OUTBOUND;
        String remote = e164(attribute(p, SIP_PHONE_NUMBER), region);
        String practice = e164(attribute(p, SIP_TRUNK_PHONE_NUMBER), region);
        if (s.callerNumber == null) {
            s.callerNumber = outbound ? practice : remote;
        }
        if (s.calledNumber == null) {
            s.calledNumber = outbound ? remote : practice;
        }
    }

    private static @Nullable String attribute(ParticipantInfo p, String key) {
        String value = p.getAttributesOrDefault(key, "");
        return value.isBlank() ? null : value.strip();
    }

    /**
     * A SIP number in E.164: {@code +4930…}, a national {@code 030…} read in {@code region}, or
     * international digits without the plus ({@code 4930…}) as some trunks send them. Anything
     * else (anonymous callers, SIP user names) is not stored.
     */
    static @Nullable String e164(@Nullable String raw, String region) {
        if (raw == null) {
            return null;
        }
        String number = raw.startsWith("tel:") ? raw.substring(4) : raw;
        Optional<String> parsed = PhoneNumbers.toE164(number, region);
        if (parsed.isEmpty() && number.matches("[1-9][0-9]{6,14}")) {
            parsed = PhoneNumbers.toE164("+" + number, region);
        }
        return parsed.orElse(null);
    }

    private static Instant joinedAt(ParticipantInfo p, Instant fallback) {
        if (p.getJoinedAtMs() > 0) {
            return Instant.ofEpochMilli(p.getJoinedAtMs());
        }
        if (p.getJoinedAt() > 0) {
            return Instant.ofEpochSecond(p.getJoinedAt());
        }
        return fallback;
    }

    /** The participant's disconnect reason as {@code client-initiated} etc., or {@code caller-left}. */
    static String leftReason(ParticipantInfo p) {
        DisconnectReason reason = p.getDisconnectReason();
        if (reason == DisconnectReason.UNKNOWN_REASON || reason == DisconnectReason.UNRECOGNIZED) {
            return CALLER_LEFT;
        }
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Instant earliest(Instant a, @Nullable Instant b) {
        return b != null && b.isBefore(a) ? b : a;
    }

    private static Instant latest(Instant a, @Nullable Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
