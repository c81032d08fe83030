package dev.sofia.clinic.calls;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A call session being changed: the mutable fields of {@link CallSession}, then back to one. */
final class SessionDraft {

    private final CallSession original;

    @Nullable
    String roomSid;

    @Nullable
    String participantIdentity;

    @Nullable
    String sipCallId;

    @Nullable
    String trunkId;

    @Nullable
    String callerNumber;

    @Nullable
    String calledNumber;

    CallStatus status;

    @Nullable
    Instant answeredAt;

    @Nullable
    Instant endedAt;

    @Nullable
    String endReason;

    @Nullable
    String agentJobId;

    @Nullable
    String agentIdentity;

    private SessionDraft(CallSession s) {
        this.original = s;
        this.roomSid = s.roomSid();
        this.participantIdentity = s.participantIdentity();
        this.sipCallId = s.sipCallId();
        this.trunkId = s.trunkId();
        this.callerNumber = s.callerNumber();
        this.calledNumber = s.calledNumber();
        this.status = s.status();
        this.answeredAt = s.answeredAt();
        this.endedAt = s.endedAt();
        this.endReason = s.endReason();
        this.agentJobId = s.agentJobId();
        this.agentIdentity = s.agentIdentity();
    }

    static SessionDraft of(CallSession session) {
        return new SessionDraft(session);
    }

    UUID id() {
        return original.id();
    }

    CallDirection direction() {
        return original.direction();
    }

    @Nullable
    CallOutcome outcome() {
        return original.outcome();
    }

    CallSession toSession() {
        CallSession o = original;
        return new CallSession(
                o.id(),
                o.roomName(),
                roomSid,
                participantIdentity,
                sipCallId,
                trunkId,
                callerNumber,
                calledNumber,
                o.direction(),
                o.channel(),
                o.language(),
                status,
                o.createdAt(),
                answeredAt,
                endedAt,
                endReason,
                o.agentDispatchId(),
                agentJobId,
                agentIdentity,
                o.patientId(),
                o.outcome(),
                o.summary());
    }
}
