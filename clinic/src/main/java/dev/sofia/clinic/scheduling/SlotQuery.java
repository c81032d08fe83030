package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.DoctorId;
import java.time.LocalDate;

/**
 * A search for free slots of one type between two local dates (inclusive), optionally for one
 * doctor and one part of the day. {@code limit} 0 means all.
 */
public record SlotQuery(
        AppointmentTypeId typeId, DoctorId doctorId, LocalDate from, LocalDate to, PartOfDay partOfDay, int limit) {}
