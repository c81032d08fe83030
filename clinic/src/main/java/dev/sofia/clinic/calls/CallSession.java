package dev.sofia.clinic.calls;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One call as the database holds it. Phone numbers are E.164 here and must be masked before they
 * are shown ({@code PhoneNumbers.mask}).
 *
 * @param roomName the LiveKit room ({@code web-<uuid>} or {@code call-…})
 * @param participantIdentity the caller's LiveKit identity, once known
 * @param callerNumber the calling number of a phone call (E.164), if it could be read
 * @param calledNumber the practice number that was dialled (E.164), if it could be read
 * @param agentDispatchId the agent dispatch that sent Sofia into a web room
 * @param agentJobId the agent job, from the agent's identity {@code agent-<jobId>}
 * @param patientId the patient the receptionist identified the caller as, if any
 * @param outcome how the call ended for the practice ({@link CallOutcome}); {@code abandoned} once
 *     closed without one
 * @param summary the receptionist's short summary; purged with the transcript
 */
public record CallSession(
        UUID id,
        String roomName,
        @Nullable String roomSid,
        @Nullable String participantIdentity,
        @Nullable String sipCallId,
        @Nullable String trunkId,
        @Nullable String callerNumber,
        @Nullable String calledNumber,
        CallDirection direction,
        CallChannel channel,
        @Nullable String language,
        CallStatus status,
        Instant createdAt,
        @Nullable Instant answeredAt,
        @Nullable Instant endedAt,
        @Nullable String endReason,
        @Nullable String agentDispatchId,
        @Nullable String agentJobId,
        @Nullable String agentIdentity,
        @Nullable UUID patientId,
        @Nullable CallOutcome outcome,
        @Nullable String summary) {}
