package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.Practice;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, inside the caller's transaction, whether a start is free and for which doctor. It takes
 * a per-doctor advisory lock first, so bookings and holds for one doctor queue up instead of racing;
 * the exclusion constraints in the database remain the final word.
 */
@Component
class SlotGuard {

    private final JdbcClient jdbc;
    private final ScheduleReader reader;
    private final Clock clock;

    SlotGuard(JdbcClient jdbc, ScheduleReader reader, Clock clock) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.clock = clock;
    }

    /** The slot at {@code start} with the first free candidate doctor, or {@link SlotUnavailableException}. */
    @Transactional(propagation = Propagation.MANDATORY)
    Slot claim(Practice practice, AppointmentType type, List<DoctorId> candidates, Instant start) {
        lock(candidates);
        Instant now = clock.instant();
        // The application's clock, like every other expiry check: the database's now() may disagree.
        jdbc.sql("delete from slot_holds where expires_at <= ?")
                .param(Appointments.utc(now))
                .update();
        LocalDate day = LocalDate.ofInstant(start, practice.timeZone());
        ScheduleReader.Snapshot snapshot = reader.read(
                type,
                candidates,
                day.minusDays(1),
                day.plusDays(1),
                start.minus(type.occupancy()).minusSeconds(1),
                start.plus(type.occupancy()).plusSeconds(1),
                now);
        SlotFinder finder = Availability.finder(practice, type, now);
        SlotFinder.Refusal first = null;
        for (DoctorSchedule doctor : snapshot.doctors()) {
            SlotFinder.Verdict verdict = finder.check(doctor, snapshot.chairs(), start);
            if (verdict.free()) {
                return verdict.slot();
            }
            first = first == null ? verdict.refusal() : first;
        }
        throw new SlotUnavailableException(first == null ? SlotFinder.Refusal.OUTSIDE_WORKING_HOURS : first);
    }

    private void lock(List<DoctorId> doctors) {
        // A fixed order, so two transactions locking overlapping sets cannot deadlock.
        doctors.stream()
                .map(d -> d.value().toString())
                .sorted()
                .forEach(id -> jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                        .param("doctor:" + id)
                        .query((rs, n) -> 1)
                        .list());
    }
}
