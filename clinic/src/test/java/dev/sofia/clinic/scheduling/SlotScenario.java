package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.practice.DoctorId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one {@link SlotFinder} search depends on, in the raw form a test can reason about:
 * busy time is kept as the unmerged intervals it was generated from, so the brute-force
 * {@link SlotReference} never relies on {@link Busy}.
 */
record SlotScenario(
        ZoneId zone,
        int gridMinutes,
        int durationMinutes,
        int bufferMinutes,
        int noticeMinutes,
        int horizonDays,
        Instant now,
        List<DoctorPlan> doctors,
        List<ChairPlan> chairs,
        LocalDate from,
        LocalDate to,
        PartOfDay part,
        int limit) {

    SlotScenario {
        doctors = List.copyOf(doctors);
        chairs = List.copyOf(chairs);
    }

    /** A half-open interval of epoch seconds. */
    record Interval(long start, long end) {
        boolean overlaps(long otherStart, long otherEnd) {
            return start < otherEnd && otherStart < end;
        }
    }

    /** One doctor's shifts, overrides and raw busy time. */
    record DoctorPlan(DoctorId id, List<WeeklyShift> shifts, List<DateOverride> overrides, List<Interval> busy) {

        DoctorSchedule schedule() {
            return new DoctorSchedule(id, shifts, overrides, toBusy(busy));
        }

        DoctorPlan plusBusy(Interval interval) {
            List<Interval> more = new ArrayList<>(busy);
            more.add(interval);
            return new DoctorPlan(id, shifts, overrides, more);
        }
    }

    /** One chair of the type's pool with its raw busy time. */
    record ChairPlan(ChairId id, List<Interval> busy) {

        ChairPlan plusBusy(Interval interval) {
            List<Interval> more = new ArrayList<>(busy);
            more.add(interval);
            return new ChairPlan(id, more);
        }
    }

    SlotFinder finder() {
        return new SlotFinder(
                zone,
                Duration.ofMinutes(gridMinutes),
                Duration.ofMinutes(durationMinutes),
                Duration.ofMinutes(durationMinutes + bufferMinutes),
                Duration.ofMinutes(noticeMinutes),
                horizonDays,
                now);
    }

    List<DoctorSchedule> schedules() {
        return doctors.stream().map(DoctorPlan::schedule).toList();
    }

    ChairPool pool() {
        return new ChairPool(chairs.stream()
                .map(c -> new ChairPool.Entry(c.id(), toBusy(c.busy())))
                .toList());
    }

    /** What {@link SlotFinder#find} answers for this scenario, with the scenario's limit. */
    List<Slot> find() {
        return finder().find(schedules(), pool(), from, to, part, limit);
    }

    /** The same search without a limit. */
    List<Slot> findAll() {
        return finder().find(schedules(), pool(), from, to, part, 0);
    }

    DoctorPlan doctor(DoctorId id) {
        return doctors.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    int doctorIndex(DoctorId id) {
        return doctors.indexOf(doctor(id));
    }

    /** This scenario after {@code slot} was booked: busy for its doctor and, when it has one, its chair. */
    SlotScenario booked(Slot slot, boolean takeChair) {
        Interval occupied =
                new Interval(slot.start().getEpochSecond(), slot.blockedUntil().getEpochSecond());
        List<DoctorPlan> newDoctors = doctors.stream()
                .map(d -> d.id().equals(slot.doctorId()) ? d.plusBusy(occupied) : d)
                .toList();
        List<ChairPlan> newChairs = chairs.stream()
                .map(c -> takeChair && c.id().equals(slot.chairId()) ? c.plusBusy(occupied) : c)
                .toList();
        return new SlotScenario(
                zone,
                gridMinutes,
                durationMinutes,
                bufferMinutes,
                noticeMinutes,
                horizonDays,
                now,
                newDoctors,
                newChairs,
                from,
                to,
                part,
                limit);
    }

    static Busy toBusy(List<Interval> intervals) {
        long[] starts = new long[intervals.size()];
        long[] ends = new long[intervals.size()];
        for (int i = 0; i < intervals.size(); i++) {
            starts[i] = intervals.get(i).start();
            ends[i] = intervals.get(i).end();
        }
        return Busy.of(starts, ends, intervals.size());
    }
}
