package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.ChairId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computes free slots from schedules in memory: no I/O, so it is fast and property-testable.
 *
 * <p>A slot at {@code t} is free when its occupancy {@code [t, t + duration + buffer)} lies inside
 * one working span (local shift hours minus breaks, or an override), collides with no busy time of
 * the doctor (appointments, live holds, blockouts), a chair is free when the type needs one, and
 * {@code t} respects the minimum notice and the booking horizon. Offered slots sit on the
 * practice's grid of local clock times ({@code slotInterval}); a direct check of an arbitrary start
 * applies the same rules without the grid.
 *
 * <p>Local times become instants through the zone's rules, so a day with a daylight-saving change
 * has exactly its real hours: no slot in the skipped hour, both passes through the repeated one.
 */
final class SlotFinder {

    /** Why a requested start cannot be booked. */
    enum Refusal {
        TOO_SOON,
        BEYOND_HORIZON,
        OUTSIDE_WORKING_HOURS,
        TAKEN,
        NO_CHAIR
    }

    /** The outcome of checking one start: a slot, or why not. */
    record Verdict(Slot slot, Refusal refusal) {
        boolean free() {
            return slot != null;
        }
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    private final long intervalSeconds;
    private final long occupancySeconds;
    private final long durationSeconds;
    private final long earliest;
    private final LocalDate lastBookableDay;

    SlotFinder(
            ZoneId zone,
            Duration slotInterval,
            Duration duration,
            Duration occupancy,
            Duration minimumNotice,
            int horizonDays,
            Instant now) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.intervalSeconds = slotInterval.toSeconds();
        this.durationSeconds = duration.toSeconds();
        this.occupancySeconds = occupancy.toSeconds();
        this.earliest = now.plus(minimumNotice).getEpochSecond();
        this.lastBookableDay = LocalDate.ofInstant(now, zone).plusDays(horizonDays);
    }

    LocalDate lastBookableDay() {
        return lastBookableDay;
    }

    /** Free slots from {@code from} to {@code to} (local dates, inclusive), by start, then doctor order. */
    List<Slot> find(
            List<DoctorSchedule> doctors, ChairPool chairs, LocalDate from, LocalDate to, PartOfDay part, int limit) {
        List<Slot> result = new ArrayList<>();
        LocalDate last = to.isAfter(lastBookableDay) ? lastBookableDay : to;
        List<Slot> day = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(last); date = date.plusDays(1)) {
            day.clear();
            for (DoctorSchedule doctor : doctors) {
                for (WeeklyShift.TimeSpan span : doctor.workingSpans(date)) {
                    collect(doctor, chairs, date, span, part, day);
                }
            }
            if (doctors.size() > 1) {
                day.sort(Comparator.comparing(Slot::start));
            }
            for (Slot slot : day) {
                result.add(slot);
                if (limit > 0 && result.size() >= limit) {
                    return result;
                }
            }
        }
        return result;
    }

    private void collect(
            DoctorSchedule doctor,
            ChairPool chairs,
            LocalDate date,
            WeeklyShift.TimeSpan span,
            PartOfDay part,
            List<Slot> out) {
        long spanStart = startOf(date, span);
        long spanEnd = endOf(date, span);
        long t = alignUp(Math.max(spanStart, earliest));
        while (t + occupancySeconds <= spanEnd) {
            if (part != null
                    && !part.contains(LocalDateTime.ofEpochSecond(t, 0, rules.getOffset(Instant.ofEpochSecond(t)))
                            .toLocalTime())) {
                t += intervalSeconds;
                continue;
            }
            long busyUntil = doctor.busy().conflictEnd(t, t + occupancySeconds);
            if (busyUntil >= 0) {
                t = alignUp(busyUntil);
                continue;
            }
            ChairId chair = null;
            if (chairs.needed()) {
                chair = chairs.freeChair(t, t + occupancySeconds);
                if (chair == null) {
                    t += intervalSeconds;
                    continue;
                }
            }
            out.add(slot(doctor, chair, t));
            t += intervalSeconds;
        }
    }

    /** Checks one exact start for one doctor with the same rules as {@link #find}, without the grid. */
    Verdict check(DoctorSchedule doctor, ChairPool chairs, Instant start) {
        long t = start.getEpochSecond();
        if (t < earliest) {
            return new Verdict(null, Refusal.TOO_SOON);
        }
        LocalDate date = LocalDate.ofInstant(start, zone);
        if (date.isAfter(lastBookableDay)) {
            return new Verdict(null, Refusal.BEYOND_HORIZON);
        }
        boolean inside = false;
        for (WeeklyShift.TimeSpan span : doctor.workingSpans(date)) {
            if (startOf(date, span) <= t && t + occupancySeconds <= endOf(date, span)) {
                inside = true;
                break;
            }
        }
        if (!inside) {
            return new Verdict(null, Refusal.OUTSIDE_WORKING_HOURS);
        }
        if (doctor.busy().conflictEnd(t, t + occupancySeconds) >= 0) {
            return new Verdict(null, Refusal.TAKEN);
        }
        ChairId chair = null;
        if (chairs.needed()) {
            chair = chairs.freeChair(t, t + occupancySeconds);
            if (chair == null) {
                return new Verdict(null, Refusal.NO_CHAIR);
            }
        }
        return new Verdict(slot(doctor, chair, t), null);
    }

    private Slot slot(DoctorSchedule doctor, ChairId chair, long t) {
        return new Slot(
                doctor.doctorId(),
                chair,
                Instant.ofEpochSecond(t),
                Instant.ofEpochSecond(t + durationSeconds),
                Instant.ofEpochSecond(t + occupancySeconds));
    }

    /** Earliest instant of a local span start (a start in a skipped hour moves to after the gap). */
    private long startOf(LocalDate date, WeeklyShift.TimeSpan span) {
        return ZonedDateTime.ofLocal(date.atTime(span.starts()), zone, null).toEpochSecond();
    }

    /** Latest instant of a local span end, so a repeated hour counts twice. */
    private long endOf(LocalDate date, WeeklyShift.TimeSpan span) {
        return ZonedDateTime.ofLocal(date.atTime(span.ends()), zone, null)
                .withLaterOffsetAtOverlap()
                .toEpochSecond();
    }

    /** The first instant at or after {@code t} whose local clock time lies on the slot grid. */
    private long alignUp(long t) {
        long local = t + rules.getOffset(Instant.ofEpochSecond(t)).getTotalSeconds();
        long remainder = Math.floorMod(local, intervalSeconds);
        return remainder == 0 ? t : t + (intervalSeconds - remainder);
    }
}
