package dev.sofia.clinic.calls;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (inside the closing transaction) when a session reaches {@code ended} or {@code
 * failed}; it happens once per session.
 */
public record CallSessionEnded(
        UUID callSessionId, String roomName, CallStatus status, String endReason, Instant endedAt) {}
