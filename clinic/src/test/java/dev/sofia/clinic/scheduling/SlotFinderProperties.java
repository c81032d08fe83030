package dev.sofia.clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.scheduling.SlotScenario.ChairPlan;
import dev.sofia.clinic.scheduling.SlotScenario.DoctorPlan;
import dev.sofia.clinic.scheduling.SlotScenario.Interval;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the pure {@link SlotFinder} over generated schedules, checked against the rules in
 * its Javadoc and against the brute-force {@link SlotReference}. Edge cases are off: computing them
 * for these nested generators costs more than all the tries, and the generators already favour the
 * edges that matter (no notice, no buffer, clock-change days, night hours).
 */
@PropertyDefaults(tries = 1000, edgeCases = EdgeCasesMode.NONE)
class SlotFinderProperties {

    @Provide
    Arbitrary<SlotScenario> scenarios() {
        return ScheduleArbitraries.scenarios();
    }

    @Property
    void noSlotOverlapsBusyTimeABreakOrItsChairsBusyTime(@ForAll("scenarios") SlotScenario s) {
        for (Slot slot : s.find()) {
            long start = slot.start().getEpochSecond();
            long end = slot.blockedUntil().getEpochSecond();
            DoctorPlan doctor = s.doctor(slot.doctorId());
            assertThat(SlotReference.anyOverlaps(doctor.busy(), start, end))
                    .as("busy time of %s", slot)
                    .isFalse();
            assertThat(SlotReference.breaks(doctor, localDate(s, slot)))
                    .as("breaks of %s", slot)
                    .noneMatch(pause -> pause.coversAny(s.zone(), start, end));
            if (s.chairs().isEmpty()) {
                assertThat(slot.chairId()).isNull();
            } else {
                ChairPlan chair = s.chairs().stream()
                        .filter(c -> c.id().equals(slot.chairId()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no chair of the pool in " + slot));
                assertThat(SlotReference.anyOverlaps(chair.busy(), start, end))
                        .as("chair busy time of %s", slot)
                        .isFalse();
            }
        }
    }

    @Property
    void everySlotLiesInsideAWorkingSpanOfItsDayAndNoneOnADayOff(@ForAll("scenarios") SlotScenario s) {
        for (Slot slot : s.find()) {
            DoctorPlan doctor = s.doctor(slot.doctorId());
            LocalDate date = localDate(s, slot);
            assertThat(SlotReference.dayOff(doctor, date))
                    .as("day off for %s", slot)
                    .isFalse();
            long start = slot.start().getEpochSecond();
            long end = slot.blockedUntil().getEpochSecond();
            assertThat(SlotReference.workingSpans(doctor, date))
                    .as("working spans around %s", slot)
                    .anyMatch(span -> span.coversAll(s.zone(), start, end));
        }
    }

    @Property
    void slotsRespectNoticeHorizonGridAndQueryAndAreSortedWithoutDuplicates(@ForAll("scenarios") SlotScenario s) {
        List<Slot> slots = s.find();
        if (s.limit() > 0) {
            assertThat(slots.size()).isLessThanOrEqualTo(s.limit());
        }
        long earliest = s.now().getEpochSecond() + s.noticeMinutes() * 60L;
        Set<String> seen = new HashSet<>();
        Slot previous = null;
        for (Slot slot : slots) {
            ZonedDateTime local = slot.start().atZone(s.zone());
            assertThat(slot.start().getEpochSecond()).as("notice of %s", slot).isGreaterThanOrEqualTo(earliest);
            assertThat(local.toLocalDate())
                    .as("horizon and range of %s", slot)
                    .isBeforeOrEqualTo(SlotReference.lastBookableDay(s))
                    .isBetween(s.from(), s.to());
            assertThat(local.getSecond()).isZero();
            assertThat((local.getHour() * 60 + local.getMinute()) % s.gridMinutes())
                    .as("grid of %s", slot)
                    .isZero();
            if (s.part() != null) {
                assertThat(s.part().contains(local.toLocalTime())).isTrue();
            }
            assertThat(slot.end()).isEqualTo(slot.start().plusSeconds(s.durationMinutes() * 60L));
            assertThat(slot.blockedUntil())
                    .isEqualTo(slot.start().plusSeconds((s.durationMinutes() + s.bufferMinutes()) * 60L));
            assertThat(seen.add(slot.doctorId() + "@" + slot.start()))
                    .as("duplicate %s", slot)
                    .isTrue();
            if (previous != null) {
                assertThat(slot.start()).as("order after %s", previous).isAfterOrEqualTo(previous.start());
                if (slot.start().equals(previous.start())) {
                    assertThat(s.doctorIndex(slot.doctorId())).isGreaterThan(s.doctorIndex(previous.doctorId()));
                }
            }
            previous = slot;
        }
    }

    @Property
    void anyReturnedSlotCanBeBookedAndThenIsGone(
            @ForAll("scenarios") SlotScenario s, @ForAll @IntRange(min = 0, max = 10_000) int pick) {
        List<Slot> before = s.findAll();
        if (before.isEmpty()) {
            return;
        }
        Slot chosen = before.get(pick % before.size());
        SlotFinder.Verdict verdict =
                s.finder().check(s.doctor(chosen.doctorId()).schedule(), s.pool(), chosen.start());
        assertThat(verdict.refusal()).isNull();
        // The chair may differ: find gives simultaneous slots of two doctors different chairs.
        assertThat(withoutChair(verdict.slot())).isEqualTo(withoutChair(chosen));
        assertThat(verdict.slot().chairId() != null).isEqualTo(!s.chairs().isEmpty());

        Interval taken = new Interval(
                chosen.start().getEpochSecond(), chosen.blockedUntil().getEpochSecond());
        List<Slot> after = s.booked(chosen, false).findAll();
        List<Slot> unaffected = before.stream()
                .filter(o -> !(o.doctorId().equals(chosen.doctorId())
                        && taken.overlaps(
                                o.start().getEpochSecond(), o.blockedUntil().getEpochSecond())))
                .toList();
        assertThat(after)
                .noneMatch(o -> o.doctorId().equals(chosen.doctorId())
                        && taken.overlaps(
                                o.start().getEpochSecond(), o.blockedUntil().getEpochSecond()));
        if (s.chairs().isEmpty()) {
            assertThat(after).isEqualTo(unaffected);
        } else { // a freed chair may go to another doctor's slot at the same time
            assertThat(after.stream().map(SlotFinderProperties::withoutChair))
                    .containsAll(unaffected.stream()
                            .map(SlotFinderProperties::withoutChair)
                            .toList());
        }
    }

    @Property
    void bookingASlotWithItsChairLeavesExactlyWhatTheReferenceFinds(
            @ForAll("scenarios") SlotScenario s, @ForAll @IntRange(min = 0, max = 10_000) int pick) {
        List<Slot> before = s.findAll();
        if (before.isEmpty()) {
            return;
        }
        Slot chosen = before.get(pick % before.size());
        SlotScenario booked = s.booked(chosen, true);
        List<Slot> after = booked.findAll();
        long start = chosen.start().getEpochSecond();
        long end = chosen.blockedUntil().getEpochSecond();
        assertThat(after)
                .noneMatch(o -> (o.doctorId().equals(chosen.doctorId())
                                || (o.chairId() != null && o.chairId().equals(chosen.chairId())))
                        && o.start().getEpochSecond() < end
                        && start < o.blockedUntil().getEpochSecond());
        assertThat(after).isEqualTo(SlotReference.all(booked));
    }

    @Property
    void findReturnsExactlyWhatTheBruteForceReferenceFinds(@ForAll("scenarios") SlotScenario s) {
        List<Slot> expected = SlotReference.all(s);
        Statistics.label("slots").collect(expected.isEmpty() ? "none" : expected.size() < 20 ? "1-19" : "20+");
        Statistics.label("clock change in range")
                .collect(s.from()
                                        .atStartOfDay(s.zone())
                                        .plusDays(s.to().toEpochDay() - s.from().toEpochDay() + 1)
                                        .toEpochSecond()
                                - s.from().atStartOfDay(s.zone()).toEpochSecond()
                        != (s.to().toEpochDay() - s.from().toEpochDay() + 1) * 86_400L);
        Statistics.label("chairs").collect(s.chairs().size());
        if (s.limit() > 0 && expected.size() > s.limit()) {
            expected = expected.subList(0, s.limit());
        }
        assertThat(s.find()).isEqualTo(expected);
    }

    @Property
    void checkAgreesWithTheReferenceOnAnyStart(
            @ForAll("scenarios") SlotScenario s,
            @ForAll @IntRange(min = 0, max = 2) int doctorPick,
            @ForAll @LongRange(min = -86_400, max = 7 * 86_400) long offsetSeconds,
            @ForAll boolean onTheMinute) {
        DoctorPlan doctor = s.doctors().get(doctorPick % s.doctors().size());
        long t = s.from().atStartOfDay(s.zone()).toEpochSecond() + offsetSeconds;
        if (onTheMinute) {
            t -= Math.floorMod(t, 60);
        }
        Slot expected = SlotReference.freeAt(s, doctor, t);
        SlotFinder.Verdict verdict = s.finder().check(doctor.schedule(), s.pool(), java.time.Instant.ofEpochSecond(t));
        assertThat(verdict.slot()).isEqualTo(expected);
        assertThat(verdict.free()).isEqualTo(verdict.refusal() == null);
    }

    private static Slot withoutChair(Slot slot) {
        return new Slot(slot.doctorId(), null, slot.start(), slot.end(), slot.blockedUntil());
    }

    private static LocalDate localDate(SlotScenario s, Slot slot) {
        return LocalDate.ofInstant(slot.start(), s.zone());
    }
}
