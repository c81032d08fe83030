package dev.sofia.clinic.calls;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One stored LiveKit webhook event of a call (without its payload, which may hold numbers). */
public record CallEvent(
        UUID id,
        String eventId,
        String eventType,
        @Nullable String participantIdentity,
        @Nullable Instant eventCreatedAt,
        Instant receivedAt) {}
