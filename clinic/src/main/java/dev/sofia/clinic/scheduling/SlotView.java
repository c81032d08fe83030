package dev.sofia.clinic.scheduling;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** A slot as clients see it: times with the practice's local offset. */
public record SlotView(UUID doctorId, UUID chairId, OffsetDateTime start, OffsetDateTime end) {

    public static SlotView of(Slot slot, ZoneId zone) {
        return new SlotView(
                slot.doctorId().value(),
                slot.chairId() == null ? null : slot.chairId().value(),
                slot.start().atZone(zone).toOffsetDateTime(),
                slot.end().atZone(zone).toOffsetDateTime());
    }
}
