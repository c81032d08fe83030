package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.AppointmentTypeId;
import java.time.Instant;

/** A slot reserved for a short while, so the agent can offer it while the caller confirms. */
public record Hold(HoldId id, AppointmentTypeId typeId, Slot slot, Instant expiresAt) {}
