package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.system.ConflictException;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Short-lived slot reservations. A hold blocks its slot for everyone else until it expires (the
 * practice's hold TTL, five minutes by default) or is consumed by the booking that names it.
 */
@Service
public class Holds {

    private final PracticeCatalog catalog;
    private final Availability availability;
    private final SlotGuard guard;
    private final Conflicts conflicts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Holds(
            PracticeCatalog catalog,
            Availability availability,
            SlotGuard guard,
            Conflicts conflicts,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock) {
        this.catalog = catalog;
        this.availability = availability;
        this.guard = guard;
        this.conflicts = conflicts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Holds the slot at {@code start} with {@code doctor} (or the first free doctor for the type). */
    public Hold hold(AppointmentTypeId typeId, DoctorId doctor, Instant start) {
        Practice practice = catalog.practice();
        AppointmentType type = availability.bookableType(typeId);
        List<DoctorId> candidates = availability.doctorsFor(type, doctor);
        try {
            return Booking.retrying(() -> tx.execute(status -> {
                Slot slot = guard.claim(practice, type, candidates, start);
                Hold hold = new Hold(
                        new HoldId(UUID.randomUUID()),
                        typeId,
                        slot,
                        clock.instant().plus(practice.holdTtl()));
                jdbc.sql("""
                                insert into slot_holds (id, doctor_id, type_id, chair_id, starts_at, ends_at,
                                                        blocked_until, expires_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?)
                                """)
                        .params(
                                hold.id().value(),
                                slot.doctorId().value(),
                                typeId.value(),
                                slot.chairId() == null ? null : slot.chairId().value(),
                                Appointments.utc(slot.start()),
                                Appointments.utc(slot.end()),
                                Appointments.utc(slot.blockedUntil()),
                                Appointments.utc(hold.expiresAt()))
                        .update();
                return hold;
            }));
        } catch (RuntimeException e) {
            throw conflicts.translate(e, practice, type, doctor, start);
        }
    }

    /** Gives a held slot back before it expires. */
    @Transactional
    public void release(HoldId id) {
        if (jdbc.sql("delete from slot_holds where id = ?").param(id.value()).update() == 0) {
            throw new NotFoundException("hold", id);
        }
    }

    /** Removes a hold inside a booking's transaction, after checking that it is for this slot and still live. */
    @Transactional(propagation = Propagation.MANDATORY)
    void consume(HoldId id, AppointmentTypeId typeId, Instant start) {
        HeldRow held = jdbc.sql("select type_id, starts_at, expires_at > ? from slot_holds where id = ? for update")
                .params(Appointments.utc(clock.instant()), id.value())
                .query((rs, n) -> new HeldRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(3)))
                .optional()
                .filter(HeldRow::live)
                .orElseThrow(() -> new ConflictException(
                        "hold-expired", "Hold expired", "The hold has expired or does not exist"));
        if (!typeId.value().equals(held.typeId()) || !start.equals(held.start())) {
            throw new InvalidInputException("holdId", "is for a different appointment type or start");
        }
        jdbc.sql("delete from slot_holds where id = ?").param(id.value()).update();
    }

    /** Expired holds no longer block anything, but are cleared so the table stays small. */
    @Scheduled(fixedDelayString = "${sofia.holds.sweep-interval:PT1M}")
    @Transactional
    public void sweepExpired() {
        jdbc.sql("delete from slot_holds where expires_at <= ?")
                .param(Appointments.utc(clock.instant()))
                .update();
    }

    private record HeldRow(UUID typeId, Instant start, boolean live) {}
}
