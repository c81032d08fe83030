package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.ChairId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
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
 * applies the same rules without the grid. Slots of several doctors at one time never share a chair,
 * so a time is offered at most as often as chairs are free for it.
 *
 * <p>Local times become instants through the zone's rules, so a day with a daylight-saving change
 * has exactly its real hours: no slot in the skipped hour, both passes through the repeated one. An
 * instant belongs to a span when the clock shows a time inside it then, so a span ending at 02:30 on
 * the night the clocks go back from 03:00 covers 02:00–02:30 twice, but not the first 02:30–03:00.
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

    private static final long MAX_OFFSET_SECONDS = ZoneOffset.MAX.getTotalSeconds();

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
                    for (Interval piece : instants(date, span)) {
                        collect(doctor, chairs, piece, part, day);
                    }
                }
            }
            // Also for one doctor: shifts and overrides come in no particular order. The sort is stable,
            // so equal starts keep doctor order and a doctor's repeats of one time end up side by side.
            sortByStart(day);
            Slot previous = null;
            List<ChairId> chairsAtStart = new ArrayList<>();
            for (Slot found : day) {
                if (found.equals(previous)) {
                    continue; // overlapping overrides offer the same time twice
                }
                if (previous == null || !found.start().equals(previous.start())) {
                    chairsAtStart.clear();
                }
                previous = found;
                Slot slot = sharingNoChair(found, chairs, chairsAtStart);
                if (slot == null) {
                    continue;
                }
                result.add(slot);
                if (limit > 0 && result.size() >= limit) {
                    return result;
                }
            }
        }
        return result;
    }

    /**
     * A stable sort by start. Each start is packed with the slot's position into one long and sorted
     * as primitives; sorting with a comparator was a quarter of a large search's time in Java.
     */
    private static void sortByStart(List<Slot> day) {
        int n = day.size();
        if (n < 2) {
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long start = day.get(i).start().getEpochSecond();
            if (start < 0 || start >= 1L << (63 - POSITION_BITS) || n >= 1 << POSITION_BITS) {
                day.sort(Comparator.comparing(Slot::start));
                return;
            }
            keys[i] = (start << POSITION_BITS) | i;
        }
        java.util.Arrays.sort(keys);
        Slot[] sorted = new Slot[n];
        for (int k = 0; k < n; k++) {
            sorted[k] = day.get((int) (keys[k] & ((1L << POSITION_BITS) - 1)));
        }
        for (int k = 0; k < n; k++) {
            day.set(k, sorted[k]);
        }
    }

    private static final int POSITION_BITS = 24;

    /**
     * {@code slot}, with another chair if an earlier doctor's slot at the same start has its chair,
     * or null when no other chair is free: one time is offered at most as often as there are chairs.
     */
    private static Slot sharingNoChair(Slot slot, ChairPool chairs, List<ChairId> chairsAtStart) {
        if (slot.chairId() == null) {
            return slot;
        }
        Slot result = slot;
        if (chairsAtStart.contains(slot.chairId())) {
            ChairId other = chairs.freeChair(
                    slot.start().getEpochSecond(), slot.blockedUntil().getEpochSecond(), chairsAtStart);
            if (other == null) {
                return null;
            }
            result = new Slot(slot.doctorId(), other, slot.start(), slot.end(), slot.blockedUntil());
        }
        chairsAtStart.add(result.chairId());
        return result;
    }

    private void collect(DoctorSchedule doctor, ChairPool chairs, Interval span, PartOfDay part, List<Slot> out) {
        long t = alignUp(Math.max(span.start(), earliest));
        while (t + occupancySeconds <= span.end()) {
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
            for (Interval piece : instants(date, span)) {
                inside |= piece.start() <= t && t + occupancySeconds <= piece.end();
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

    /** Half-open interval of epoch seconds. */
    private record Interval(long start, long end) {}

    /**
     * The instants at which the clock on {@code date} shows a time inside {@code span}: one interval
     * on most days; a shorter one (or none) when the span touches a skipped hour; two when a bound lies
     * in a repeated hour, since the clock then leaves the span and comes back into it.
     */
    private List<Interval> instants(LocalDate date, WeeklyShift.TimeSpan span) {
        long from = date.atTime(span.starts()).toEpochSecond(ZoneOffset.UTC); // local clock seconds
        long to = date.atTime(span.ends()).toEpochSecond(ZoneOffset.UTC);
        long last = to + MAX_OFFSET_SECONDS;
        long segment = from - MAX_OFFSET_SECONDS; // one offset holds from here to the next transition
        int offset = rules.getOffset(Instant.ofEpochSecond(segment)).getTotalSeconds();
        List<Interval> pieces = new ArrayList<>(2);
        while (segment < last) {
            ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(segment));
            long segmentEnd = next == null ? last : Math.min(last, next.toEpochSecond());
            long start = Math.max(segment, from - offset);
            long end = Math.min(segmentEnd, to - offset);
            if (start < end) {
                if (!pieces.isEmpty() && pieces.getLast().end() == start) {
                    start = pieces.removeLast().start(); // the span goes on across the clock change
                }
                pieces.add(new Interval(start, end));
            }
            if (next == null) {
                break;
            }
            segment = segmentEnd;
            offset = next.getOffsetAfter().getTotalSeconds();
        }
        return pieces;
    }

    /** The first instant at or after {@code t} whose local clock time lies on the slot grid. */
    private long alignUp(long t) {
        long local = t + rules.getOffset(Instant.ofEpochSecond(t)).getTotalSeconds();
        long remainder = Math.floorMod(local, intervalSeconds);
        return remainder == 0 ? t : t + (intervalSeconds - remainder);
    }
}
