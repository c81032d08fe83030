package dev.sofia.clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.practice.DoctorId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlotFinderTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Tuesday. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T06:00:00Z");
    static final DoctorId ANNA = new DoctorId(new UUID(0, 1));
    static final DoctorId BORIS = new DoctorId(new UUID(0, 2));

    @Test
    void overlappingBusyIntervalsBlockTheirUnionAndTouchingSlotsStayFree() {
        DoctorSchedule doctor = doctor(ANNA, busy("09:30", "10:00", "09:45", "10:30"), shift("09:00", "12:00"));

        assertThat(times(finder(30, 30, 0).find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, null, 0)))
                .containsExactly("09:00", "10:30", "11:00", "11:30");
    }

    @Test
    void backToBackAppointmentsDoNotOverlap() {
        DoctorSchedule doctor = doctor(ANNA, busy("09:00", "09:30", "10:00", "10:30"), shift("09:00", "11:00"));

        assertThat(times(finder(30, 30, 0).find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, null, 0)))
                .containsExactly("09:30", "10:30");
    }

    @Test
    void afterBusyTimeEndingOffTheGridTheNextSlotIsOnTheGrid() {
        DoctorSchedule doctor = doctor(ANNA, busy("09:00", "09:20"), shift("09:00", "10:30"));

        assertThat(times(finder(15, 30, 0).find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, null, 0)))
                .containsExactly("09:30", "09:45", "10:00");
    }

    @Test
    void theBufferBlocksTheFollowingSlotButIsNotPartOfTheAppointment() {
        DoctorSchedule doctor = doctor(ANNA, Busy.NONE, shift("09:00", "10:30"));

        List<Slot> slots = finder(30, 30, 10).find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, null, 0);

        assertThat(times(slots)).containsExactly("09:00", "09:30");
        assertThat(slots.getFirst().end()).isEqualTo(instant("09:30"));
        assertThat(slots.getFirst().blockedUntil()).isEqualTo(instant("09:40"));
    }

    @Test
    void breaksAreExcluded() {
        DoctorSchedule doctor = doctor(ANNA, Busy.NONE, shift("08:00", "10:00", "08:30", "09:00"));

        assertThat(times(finder(30, 30, 0).find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, null, 0)))
                .containsExactly("08:00", "09:00", "09:30");
    }

    @Test
    void partOfDayFiltersByTheLocalStart() {
        DoctorSchedule doctor = doctor(ANNA, Busy.NONE, shift("11:00", "18:00"));
        SlotFinder finder = finder(60, 30, 0);

        assertThat(times(finder.find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, PartOfDay.MORNING, 0)))
                .containsExactly("11:00");
        assertThat(times(finder.find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, PartOfDay.AFTERNOON, 0)))
                .containsExactly("12:00", "13:00", "14:00", "15:00", "16:00");
        assertThat(times(finder.find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, PartOfDay.EVENING, 0)))
                .containsExactly("17:00");
    }

    @Test
    void theLimitCutsAcrossDays() {
        DoctorSchedule doctor = doctor(
                ANNA,
                Busy.NONE,
                new WeeklyShift(DayOfWeek.TUESDAY, time("09:00"), time("10:00"), null, null, List.of()),
                new WeeklyShift(DayOfWeek.WEDNESDAY, time("09:00"), time("10:00"), null, null, List.of()));

        List<Slot> slots = finder(30, 30, 0).find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY.plusDays(1), null, 3);

        assertThat(slots)
                .extracting(Slot::start)
                .containsExactly(instant("09:00"), instant("09:30"), instant(DAY.plusDays(1), "09:00"));
    }

    @Test
    void severalDoctorsAreSortedByStartThenInTheGivenDoctorOrder() {
        DoctorSchedule boris = doctor(BORIS, Busy.NONE, shift("09:00", "10:00"));
        DoctorSchedule anna = doctor(ANNA, Busy.NONE, shift("08:30", "09:30"));

        List<Slot> slots = finder(30, 30, 0).find(List.of(boris, anna), ChairPool.NOT_NEEDED, DAY, DAY, null, 0);

        assertThat(slots)
                .extracting(s -> local(s.start()) + " " + (s.doctorId().equals(ANNA) ? "Anna" : "Boris"))
                .containsExactly("08:30 Anna", "09:00 Boris", "09:00 Anna", "09:30 Boris");
    }

    @Test
    void oneDoctorsShiftsInAnyOrderGiveSortedSlots() {
        DoctorSchedule doctor = doctor(ANNA, Busy.NONE, shift("14:00", "15:00"), shift("08:00", "09:00"));

        assertThat(times(finder(30, 30, 0).find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, null, 0)))
                .containsExactly("08:00", "08:30", "14:00", "14:30");
    }

    @Test
    void overlappingOverridesOfferATimeOnce() {
        DoctorSchedule doctor = new DoctorSchedule(
                ANNA,
                List.of(),
                List.of(
                        new DateOverride(DAY, DAY, true, time("09:00"), time("10:30")),
                        new DateOverride(DAY, DAY, true, time("10:00"), time("11:00"))),
                Busy.NONE);

        assertThat(times(finder(30, 30, 0).find(List.of(doctor), ChairPool.NOT_NEEDED, DAY, DAY, null, 0)))
                .containsExactly("09:00", "09:30", "10:00", "10:30");
    }

    @Test
    void aChairIsNeededAndNoneIsFreeSoThereIsNoSlot() {
        DoctorSchedule doctor = doctor(ANNA, Busy.NONE, shift("09:00", "10:00"));
        ChairPool pool = new ChairPool(List.of(
                new ChairPool.Entry(chair(1), busy("08:00", "12:00")),
                new ChairPool.Entry(chair(2), busy("09:00", "09:45"))));
        SlotFinder finder = finder(30, 30, 0);

        assertThat(finder.find(List.of(doctor), pool, DAY, DAY, null, 0)).isEmpty();
        assertThat(finder.check(doctor, pool, instant("09:00")).refusal()).isEqualTo(SlotFinder.Refusal.NO_CHAIR);
    }

    @Test
    void theFirstFreeChairOfThePoolIsTaken() {
        DoctorSchedule doctor = doctor(ANNA, Busy.NONE, shift("09:00", "10:00"));
        ChairPool pool = new ChairPool(List.of(
                new ChairPool.Entry(chair(1), busy("09:00", "09:30")), new ChairPool.Entry(chair(2), Busy.NONE)));

        assertThat(finder(30, 30, 0).find(List.of(doctor), pool, DAY, DAY, null, 0))
                .extracting(Slot::chairId)
                .containsExactly(chair(2), chair(1));
    }

    @Test
    void doctorsAtTheSameTimeDoNotShareAChair() {
        DoctorSchedule anna = doctor(ANNA, Busy.NONE, shift("09:00", "10:00"));
        DoctorSchedule boris = doctor(BORIS, Busy.NONE, shift("09:00", "10:00"));
        ChairPool one = new ChairPool(List.of(new ChairPool.Entry(chair(1), Busy.NONE)));
        ChairPool two = new ChairPool(
                List.of(new ChairPool.Entry(chair(1), Busy.NONE), new ChairPool.Entry(chair(2), Busy.NONE)));
        SlotFinder finder = finder(30, 30, 0);

        assertThat(finder.find(List.of(anna, boris), one, DAY, DAY, null, 0))
                .extracting(s -> local(s.start()) + " " + s.doctorId().value().getLeastSignificantBits())
                .containsExactly("09:00 1", "09:30 1");
        assertThat(finder.find(List.of(anna, boris), two, DAY, DAY, null, 0))
                .extracting(Slot::chairId)
                .containsExactly(chair(1), chair(2), chair(1), chair(2));
        assertThat(finder.check(boris, one, instant("09:00")).slot().chairId()).isEqualTo(chair(1));
    }

    @Test
    void checkGivesTheReasonARequestedStartIsRefused() {
        DoctorSchedule doctor = doctor(ANNA, busy("10:00", "10:30"), shift("09:00", "12:00"));
        SlotFinder finder = new SlotFinder(
                BERLIN,
                Duration.ofMinutes(15),
                Duration.ofMinutes(30),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                2,
                MONDAY_MORNING); // the earliest start is Monday 09:00

        assertThat(refusal(finder, doctor, Instant.parse("2026-11-23T07:59:00Z")))
                .isEqualTo(SlotFinder.Refusal.TOO_SOON);
        assertThat(refusal(finder, doctor, instant(DAY.plusDays(2), "09:00")))
                .isEqualTo(SlotFinder.Refusal.BEYOND_HORIZON);
        assertThat(refusal(finder, doctor, instant("11:45"))).isEqualTo(SlotFinder.Refusal.OUTSIDE_WORKING_HOURS);
        assertThat(refusal(finder, doctor, instant("09:31"))).isEqualTo(SlotFinder.Refusal.TAKEN);

        SlotFinder.Verdict offGrid = finder.check(doctor, ChairPool.NOT_NEEDED, instant("09:07"));
        assertThat(offGrid.free()).isTrue();
        assertThat(offGrid.slot().end()).isEqualTo(instant("09:37"));
    }

    @Test
    void noticeAndHorizonLimitTheSearch() {
        DoctorSchedule doctor = new DoctorSchedule(
                ANNA,
                Arrays.stream(DayOfWeek.values())
                        .map(day -> new WeeklyShift(day, time("07:00"), time("09:00"), null, null, List.of()))
                        .toList(),
                List.of(),
                Busy.NONE);
        SlotFinder finder = new SlotFinder(
                BERLIN,
                Duration.ofMinutes(30),
                Duration.ofMinutes(30),
                Duration.ofMinutes(30),
                Duration.ofMinutes(45),
                1,
                MONDAY_MORNING); // 07:00 local: the first start is 07:45, rounded up to 08:00

        List<Slot> slots =
                finder.find(List.of(doctor), ChairPool.NOT_NEEDED, DAY.minusDays(1), DAY.plusDays(5), null, 0);

        assertThat(slots)
                .extracting(s -> s.start().atZone(BERLIN).toLocalDateTime().toString())
                .containsExactly(
                        "2026-11-23T08:00",
                        "2026-11-23T08:30",
                        "2026-11-24T07:00",
                        "2026-11-24T07:30",
                        "2026-11-24T08:00",
                        "2026-11-24T08:30");
    }

    private static SlotFinder.Refusal refusal(SlotFinder finder, DoctorSchedule doctor, Instant start) {
        return finder.check(doctor, ChairPool.NOT_NEEDED, start).refusal();
    }

    static SlotFinder finder(int gridMinutes, int minutes, int bufferMinutes) {
        return new SlotFinder(
                BERLIN,
                Duration.ofMinutes(gridMinutes),
                Duration.ofMinutes(minutes),
                Duration.ofMinutes(minutes + bufferMinutes),
                Duration.ZERO,
                90,
                MONDAY_MORNING);
    }

    static DoctorSchedule doctor(DoctorId id, Busy busy, WeeklyShift... shifts) {
        return new DoctorSchedule(id, List.of(shifts), List.of(), busy);
    }

    /** A Tuesday shift, with breaks given as pairs of times. */
    static WeeklyShift shift(String starts, String ends, String... breaks) {
        List<WeeklyShift.TimeSpan> pauses = new ArrayList<>();
        for (int i = 0; i + 1 < breaks.length; i += 2) {
            pauses.add(new WeeklyShift.TimeSpan(time(breaks[i]), time(breaks[i + 1])));
        }
        return new WeeklyShift(DayOfWeek.TUESDAY, time(starts), time(ends), null, null, pauses);
    }

    /** Busy time on {@link #DAY} as pairs of local times. */
    static Busy busy(String... bounds) {
        int count = bounds.length / 2;
        long[] starts = new long[count];
        long[] ends = new long[count];
        for (int i = 0; i < count; i++) {
            starts[i] = instant(bounds[2 * i]).getEpochSecond();
            ends[i] = instant(bounds[2 * i + 1]).getEpochSecond();
        }
        return Busy.of(starts, ends, count);
    }

    static ChairId chair(int n) {
        return new ChairId(new UUID(1, n));
    }

    static Instant instant(String time) {
        return instant(DAY, time);
    }

    static Instant instant(LocalDate date, String time) {
        return date.atTime(time(time)).atZone(BERLIN).toInstant();
    }

    static LocalTime time(String time) {
        return LocalTime.parse(time);
    }

    static List<String> times(List<Slot> slots) {
        return slots.stream().map(s -> local(s.start())).toList();
    }

    private static String local(Instant instant) {
        return instant.atZone(BERLIN).format(DateTimeFormatter.ofPattern("HH:mm"));
    }
}
