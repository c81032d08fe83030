package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.scheduling.SlotScenario.ChairPlan;
import dev.sofia.clinic.scheduling.SlotScenario.DoctorPlan;
import dev.sofia.clinic.scheduling.SlotScenario.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A deliberately naive re-implementation of the rules in {@link SlotFinder}'s Javadoc, to compare
 * the fast finder against: it walks every five minutes of every day, works out breaks minute by
 * minute, and scans every raw busy interval. It shares no code with the finder.
 *
 * <p>Spans and breaks stay in local clock minutes; an instant is inside one when the clock shows a
 * time inside it at that instant (so a repeated hour can be inside twice, a skipped one never).
 */
final class SlotReference {

    private static final long STEP_SECONDS = 300; // every grid (5, 10, 15, 30 min) is a multiple

    private SlotReference() {}

    /** All free grid slots, by start, then doctor order; the scenario's limit is not applied. */
    static List<Slot> all(SlotScenario s) {
        ZoneId zone = s.zone();
        LocalDate lastDay = lastBookableDay(s);
        List<Slot> result = new ArrayList<>();
        for (LocalDate date = s.from(); !date.isAfter(s.to()) && !date.isAfter(lastDay); date = date.plusDays(1)) {
            long dayStart = date.atStartOfDay(zone).toEpochSecond();
            long dayEnd = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
            for (long t = dayStart; t < dayEnd; t += STEP_SECONDS) {
                ZonedDateTime local = Instant.ofEpochSecond(t).atZone(zone);
                int minuteOfDay = local.getHour() * 60 + local.getMinute();
                if (local.getSecond() != 0 || minuteOfDay % s.gridMinutes() != 0) {
                    continue;
                }
                if (s.part() != null && !s.part().contains(local.toLocalTime())) {
                    continue;
                }
                Set<ChairId> taken = new HashSet<>(); // simultaneous slots never share a chair
                for (DoctorPlan doctor : s.doctors()) {
                    Slot slot = freeAt(s, doctor, t, taken);
                    if (slot != null) {
                        result.add(slot);
                        taken.add(slot.chairId());
                    }
                }
            }
        }
        return result;
    }

    /** The slot at exactly {@code t} with {@code doctor} if every rule allows it (no grid), else null. */
    static Slot freeAt(SlotScenario s, DoctorPlan doctor, long t) {
        return freeAt(s, doctor, t, Set.of());
    }

    private static Slot freeAt(SlotScenario s, DoctorPlan doctor, long t, Set<ChairId> taken) {
        long occupancy = (s.durationMinutes() + s.bufferMinutes()) * 60L;
        if (t < s.now().getEpochSecond() + s.noticeMinutes() * 60L) {
            return null;
        }
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochSecond(t), s.zone());
        if (date.isAfter(lastBookableDay(s))) {
            return null;
        }
        boolean inside = false;
        for (LocalSpan span : workingSpans(doctor, date)) {
            inside |= span.coversAll(s.zone(), t, t + occupancy);
        }
        if (!inside || anyOverlaps(doctor.busy(), t, t + occupancy)) {
            return null;
        }
        ChairId chair = null;
        if (!s.chairs().isEmpty()) {
            for (ChairPlan candidate : s.chairs()) {
                if (!taken.contains(candidate.id()) && !anyOverlaps(candidate.busy(), t, t + occupancy)) {
                    chair = candidate.id();
                    break;
                }
            }
            if (chair == null) {
                return null;
            }
        }
        return new Slot(
                doctor.id(),
                chair,
                Instant.ofEpochSecond(t),
                Instant.ofEpochSecond(t + s.durationMinutes() * 60L),
                Instant.ofEpochSecond(t + occupancy));
    }

    static LocalDate lastBookableDay(SlotScenario s) {
        return LocalDate.ofInstant(s.now(), s.zone()).plusDays(s.horizonDays());
    }

    static boolean dayOff(DoctorPlan doctor, LocalDate date) {
        return doctor.overrides().stream().anyMatch(o -> covers(o, date) && !o.available());
    }

    /** Local clock minutes {@code [from, to)} of one date. */
    record LocalSpan(LocalDate date, int from, int to) {

        /** Whether the clock shows a time inside this span at every second of {@code [start, end)}. */
        boolean coversAll(ZoneId zone, long start, long end) {
            for (Interval piece : constantOffsetPieces(zone, start, end)) {
                if (local(zone, piece.start()).isBefore(first())
                        || !local(zone, piece.end() - 1).isBefore(end())) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the clock shows a time inside this span at some second of {@code [start, end)}. */
        boolean coversAny(ZoneId zone, long start, long end) {
            for (Interval piece : constantOffsetPieces(zone, start, end)) {
                if (local(zone, piece.start()).isBefore(end())
                        && !local(zone, piece.end() - 1).isBefore(first())) {
                    return true;
                }
            }
            return false;
        }

        private LocalDateTime first() {
            return date.atStartOfDay().plusMinutes(from);
        }

        private LocalDateTime end() {
            return date.atStartOfDay().plusMinutes(to);
        }
    }

    /** Working spans of a date: override hours, else each shift minus its breaks, minute by minute. */
    static List<LocalSpan> workingSpans(DoctorPlan doctor, LocalDate date) {
        if (dayOff(doctor, date)) {
            return List.of();
        }
        List<LocalSpan> spans = new ArrayList<>();
        for (DateOverride o : doctor.overrides()) {
            if (covers(o, date)) {
                spans.add(new LocalSpan(date, minute(o.starts()), minute(o.ends())));
            }
        }
        if (!spans.isEmpty()) {
            return spans;
        }
        for (WeeklyShift shift : doctor.shifts()) {
            if (!applies(shift, date)) {
                continue;
            }
            boolean[] working = new boolean[24 * 60 + 1];
            for (int m = minute(shift.starts()); m < minute(shift.ends()); m++) {
                working[m] = true;
            }
            for (WeeklyShift.TimeSpan pause : shift.breaks()) {
                for (int m = minute(pause.starts()); m < minute(pause.ends()); m++) {
                    working[m] = false;
                }
            }
            for (int m = 0; m < 24 * 60; m++) {
                if (working[m] && (m == 0 || !working[m - 1])) {
                    int end = m;
                    while (working[end]) {
                        end++;
                    }
                    spans.add(new LocalSpan(date, m, end));
                }
            }
        }
        return spans;
    }

    /** Breaks that apply on a date (none when an override replaces the shifts). */
    static List<LocalSpan> breaks(DoctorPlan doctor, LocalDate date) {
        if (doctor.overrides().stream().anyMatch(o -> covers(o, date))) {
            return List.of();
        }
        List<LocalSpan> breaks = new ArrayList<>();
        for (WeeklyShift shift : doctor.shifts()) {
            if (applies(shift, date)) {
                for (WeeklyShift.TimeSpan pause : shift.breaks()) {
                    breaks.add(new LocalSpan(date, minute(pause.starts()), minute(pause.ends())));
                }
            }
        }
        return breaks;
    }

    static boolean anyOverlaps(List<Interval> intervals, long start, long end) {
        return intervals.stream().anyMatch(i -> i.overlaps(start, end));
    }

    /** {@code [start, end)} cut where the zone's offset changes, so the clock runs evenly in each piece. */
    private static List<Interval> constantOffsetPieces(ZoneId zone, long start, long end) {
        ZoneRules rules = zone.getRules();
        List<Interval> pieces = new ArrayList<>();
        long from = start;
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(from));
        while (next != null && next.toEpochSecond() < end) {
            pieces.add(new Interval(from, next.toEpochSecond()));
            from = next.toEpochSecond();
            next = rules.nextTransition(next.getInstant());
        }
        pieces.add(new Interval(from, end));
        return pieces;
    }

    private static LocalDateTime local(ZoneId zone, long epochSecond) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    }

    private static boolean covers(DateOverride o, LocalDate date) {
        return date.compareTo(o.firstDay()) >= 0 && date.compareTo(o.lastDay()) <= 0;
    }

    private static boolean applies(WeeklyShift shift, LocalDate date) {
        return shift.day() == date.getDayOfWeek()
                && (shift.validFrom() == null || date.compareTo(shift.validFrom()) >= 0)
                && (shift.validUntil() == null || date.compareTo(shift.validUntil()) <= 0);
    }

    private static int minute(java.time.LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
