package dev.sofia.clinic.calls;

import java.util.UUID;

/**
 * Published (inside the creating transaction) when Sofia leaves a message for staff, so they can be
 * notified. Carries no personal data: listeners read the message by id.
 */
public record CallMessageCreated(UUID id, CallMessage.Kind kind) {}
