package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.practice.DoctorId;
import java.time.Instant;

/**
 * A bookable time: {@code [start, end)} with the doctor, plus the buffer up to {@code blockedUntil}.
 * {@code chairId} is null when the type needs no chair.
 */
public record Slot(DoctorId doctorId, ChairId chairId, Instant start, Instant end, Instant blockedUntil) {}
