package dev.sofia.clinic.calls;

import java.time.Instant;
import java.util.UUID;

/** Published (inside the creating transaction) when a call session is first recorded. */
public record CallSessionOpened(UUID callSessionId, String roomName, CallChannel channel, Instant at) {}
