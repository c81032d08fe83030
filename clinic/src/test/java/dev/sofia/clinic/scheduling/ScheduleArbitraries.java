package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.scheduling.SlotScenario.ChairPlan;
import dev.sofia.clinic.scheduling.SlotScenario.DoctorPlan;
import dev.sofia.clinic.scheduling.SlotScenario.Interval;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates {@link SlotScenario}s: Berlin or New York, often around a daylight-saving change, with
 * shifts (valid as the schedules API accepts them: no overlap on one weekday, breaks inside), breaks,
 * overrides (which may overlap each other, as the API allows), appointments and blockouts, chairs,
 * and a random "now".
 */
final class ScheduleArbitraries {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private ScheduleArbitraries() {}

    static Arbitrary<SlotScenario> scenarios() {
        return Arbitraries.of(BERLIN, NEW_YORK).flatMap(zone -> baseDates(zone).flatMap(base -> scenario(zone, base)));
    }

    /** Settings of the practice and the type, and the query, that do not depend on dates. */
    private record Settings(int grid, int duration, int buffer, int notice, int horizon, PartOfDay part, int limit) {}

    private static Arbitrary<Settings> settings() {
        return Combinators.combine(
                        Arbitraries.of(5, 10, 15, 30),
                        Arbitraries.integers().between(2, 24).map(n -> n * 5),
                        Arbitraries.frequencyOf(
                                Tuple.of(1, Arbitraries.just(0)),
                                Tuple.of(2, Arbitraries.integers().between(0, 30))),
                        Arbitraries.frequencyOf(
                                Tuple.of(1, Arbitraries.just(0)),
                                Tuple.of(2, Arbitraries.integers().between(0, 240)),
                                Tuple.of(1, Arbitraries.integers().between(0, 2 * 24 * 60))),
                        Arbitraries.integers().between(1, 10),
                        Arbitraries.of(PartOfDay.class).injectNull(0.6),
                        Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.just(0)),
                                Tuple.of(1, Arbitraries.integers().between(1, 20))))
                .as(Settings::new);
    }

    /** Mostly the days the clocks change in {@code zone}, sometimes any day of 2026 and 2027. */
    private static Arbitrary<LocalDate> baseDates(ZoneId zone) {
        List<LocalDate> changes = zone.equals(BERLIN)
                ? List.of(LocalDate.of(2027, 3, 28), LocalDate.of(2026, 10, 25))
                : List.of(LocalDate.of(2027, 3, 14), LocalDate.of(2026, 11, 1));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(changes)),
                Tuple.of(
                        1,
                        Arbitraries.integers()
                                .between(0, 729)
                                .map(d -> LocalDate.of(2026, 1, 1).plusDays(d))));
    }

    private static Arbitrary<SlotScenario> scenario(ZoneId zone, LocalDate base) {
        return Combinators.combine(
                        settings(),
                        Arbitraries.integers().between(-2, 0),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.longs().between(-2 * 86_400L, 86_400L))
                .flatAs((settings, shift, days, nowOffset) -> {
                    LocalDate from = base.plusDays(shift);
                    LocalDate to = from.plusDays(days);
                    long windowStart = from.minusDays(1).atStartOfDay(zone).toEpochSecond();
                    long windowEnd = to.plusDays(2).atStartOfDay(zone).toEpochSecond();
                    Arbitrary<List<DoctorPlan>> doctors = doctor(from, to, windowStart, windowEnd)
                            .list()
                            .ofMinSize(1)
                            .ofMaxSize(3)
                            .map(ScheduleArbitraries::numberDoctors);
                    Arbitrary<List<ChairPlan>> chairs = Arbitraries.frequencyOf(
                            Tuple.of(1, Arbitraries.just(List.<ChairPlan>of())),
                            Tuple.of(
                                    1,
                                    busy(windowStart, windowEnd)
                                            .list()
                                            .ofMinSize(1)
                                            .ofMaxSize(3)
                                            .map(ScheduleArbitraries::numberChairs)));
                    return Combinators.combine(doctors, chairs)
                            .as((d, c) -> new SlotScenario(
                                    zone,
                                    settings.grid(),
                                    settings.duration(),
                                    settings.buffer(),
                                    settings.notice(),
                                    settings.horizon(),
                                    from.atStartOfDay(zone).toInstant().plusSeconds(nowOffset),
                                    d,
                                    c,
                                    from,
                                    to,
                                    settings.part(),
                                    settings.limit()));
                });
    }

    private static Arbitrary<DoctorPlan> doctor(LocalDate from, LocalDate to, long windowStart, long windowEnd) {
        Arbitrary<List<WeeklyShift>> shifts = dayShifts(from, to)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .uniqueElements(DayShifts::day)
                .map(days -> days.stream().flatMap(d -> d.shifts().stream()).toList())
                .flatMap(list -> Arbitraries.shuffle(list)); // the database returns shifts in no order
        Arbitrary<List<DateOverride>> overrides = override(from, to).list().ofMaxSize(3);
        return Combinators.combine(shifts, overrides, busy(windowStart, windowEnd))
                .as((s, o, b) -> new DoctorPlan(new DoctorId(new UUID(0, 0)), s, o, b));
    }

    private record DayShifts(DayOfWeek day, List<WeeklyShift> shifts) {}

    /** Non-overlapping shifts on one weekday (often one of the searched days), with breaks inside. */
    private static Arbitrary<DayShifts> dayShifts(LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay());
        Arbitrary<DayOfWeek> day = Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.integers()
                                .between(0, days)
                                .map(i -> from.plusDays(i).getDayOfWeek())),
                Tuple.of(1, Arbitraries.of(DayOfWeek.class)));
        Arbitrary<List<Integer>> cuts = minutes().list().ofMinSize(2).ofMaxSize(6);
        Arbitrary<LocalDate> validFrom = dateAround(from, to).injectNull(0.7);
        Arbitrary<LocalDate> validUntil = dateAround(from, to).injectNull(0.7);
        return Combinators.combine(day, cuts, validFrom, validUntil).flatAs((d, points, vf, vu) -> {
            List<Integer> sorted = points.stream().sorted().toList();
            LocalDate first = vf != null && vu != null && vu.isBefore(vf) ? vu : vf;
            LocalDate last = vf != null && vu != null && vu.isBefore(vf) ? vf : vu;
            List<Arbitrary<WeeklyShift>> shifts = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                int start = sorted.get(i);
                int end = sorted.get(i + 1);
                if (end > start) {
                    shifts.add(breaks(start, end).map(b -> new WeeklyShift(d, time(start), time(end), first, last, b)));
                }
            }
            return Combinators.combine(shifts).as(list -> new DayShifts(d, List.copyOf(list)));
        });
    }

    private static Arbitrary<List<WeeklyShift.TimeSpan>> breaks(int shiftStart, int shiftEnd) {
        Arbitrary<Integer> inside = Arbitraries.integers().between(shiftStart, shiftEnd);
        return Combinators.combine(inside, inside)
                .filter((a, b) -> !a.equals(b))
                .as((a, b) -> new WeeklyShift.TimeSpan(time(Math.min(a, b)), time(Math.max(a, b))))
                .list()
                .ofMaxSize(2);
    }

    private static Arbitrary<DateOverride> override(LocalDate from, LocalDate to) {
        return Combinators.combine(
                        dateAround(from, to),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false),
                        minutes(),
                        minutes())
                .filter((first, length, available, a, b) -> !a.equals(b))
                .as((first, length, available, a, b) -> available
                        ? new DateOverride(
                                first, first.plusDays(length), true, time(Math.min(a, b)), time(Math.max(a, b)))
                        : new DateOverride(first, first.plusDays(length), false, null, null));
    }

    /** Appointments, holds and blockouts: raw intervals that may overlap or touch. */
    private static Arbitrary<List<Interval>> busy(long windowStart, long windowEnd) {
        int windowMinutes = (int) ((windowEnd - windowStart) / 60);
        Arbitrary<Long> start = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, windowMinutes / 5).map(m -> windowStart + m * 300L)),
                Tuple.of(1, Arbitraries.longs().between(windowStart, windowEnd)));
        Arbitrary<Long> length = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 48).map(n -> n * 300L)),
                Tuple.of(1, Arbitraries.longs().between(1, 6 * 3600)));
        return Combinators.combine(start, length)
                .as((s, l) -> new Interval(s, s + l))
                .list()
                .ofMaxSize(14);
    }

    /** Minutes of the day: quarter hours, the night hours around clock changes, or any minute. */
    private static Arbitrary<Integer> minutes() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 95).map(q -> q * 15)),
                Tuple.of(2, Arbitraries.integers().between(60, 240)),
                Tuple.of(2, Arbitraries.integers().between(0, 24 * 60 - 1)));
    }

    private static Arbitrary<LocalDate> dateAround(LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay());
        return Arbitraries.integers().between(-1, days + 1).map(from::plusDays);
    }

    private static List<DoctorPlan> numberDoctors(List<DoctorPlan> doctors) {
        return IntStream.range(0, doctors.size())
                .mapToObj(i -> {
                    DoctorPlan d = doctors.get(i);
                    return new DoctorPlan(new DoctorId(new UUID(0, i + 1)), d.shifts(), d.overrides(), d.busy());
                })
                .toList();
    }

    private static List<ChairPlan> numberChairs(List<List<Interval>> busy) {
        return IntStream.range(0, busy.size())
                .mapToObj(i -> new ChairPlan(new ChairId(new UUID(1, i + 1)), busy.get(i)))
                .toList();
    }

    private static LocalTime time(int minuteOfDay) {
        return LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }
}
