package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.practice.DoctorId;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads what {@link SlotFinder} needs for some doctors over a time range in three queries: shifts
 * with breaks, date overrides, and one union of busy time (appointments, live holds, blockouts).
 */
@Component
class ScheduleReader {

    private final JdbcClient jdbc;

    ScheduleReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Schedules of {@code doctors} and the type's chair pool, for busy time within [from, to). */
    Snapshot read(
            AppointmentType type,
            Collection<DoctorId> doctors,
            LocalDate firstDay,
            LocalDate lastDay,
            Instant from,
            Instant to,
            Instant now) {
        UUID[] doctorIds = array(doctors.stream().map(DoctorId::value).toList());
        List<ChairId> chairIds = type.chairs().stream()
                .sorted((a, b) -> a.value().compareTo(b.value()))
                .toList();
        UUID[] chairArray = array(chairIds.stream().map(ChairId::value).toList());

        Map<UUID, List<WeeklyShift>> shiftsByDoctor = shifts(doctorIds);

        Map<UUID, List<DateOverride>> overrides = new HashMap<>();
        jdbc.sql("""
                        select doctor_id, first_day, last_day, available, starts, ends from schedule_overrides
                        where doctor_id = any(?) and last_day >= ? and first_day <= ?
                        """).params(doctorIds, firstDay, lastDay).query(rs -> {
            overrides
                    .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new DateOverride(
                            rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class),
                            rs.getBoolean(4),
                            time(rs.getTime(5)),
                            time(rs.getTime(6))));
        });

        Map<UUID, Intervals> busyByDoctor = new HashMap<>();
        Map<UUID, Intervals> busyByChair = new HashMap<>();
        Intervals everywhere = new Intervals();
        // Typed timestamps: to_timestamp(?) is evaluated per row once the statement runs on a
        // generic plan.
        OffsetDateTime fromTime = Appointments.utc(from);
        OffsetDateTime toTime = Appointments.utc(to);
        jdbc.sql("""
                        select doctor_id, chair_id, date_part('epoch', starts_at)::bigint, date_part('epoch', blocked_until)::bigint, false
                        from appointments
                        where status <> 'cancelled' and starts_at < ? and blocked_until > ?
                          and (doctor_id in (select unnest(?::uuid[])) or chair_id in (select unnest(?::uuid[])))
                        union all
                        select doctor_id, chair_id, date_part('epoch', starts_at)::bigint, date_part('epoch', blocked_until)::bigint, false
                        from slot_holds
                        where expires_at > ? and starts_at < ? and blocked_until > ?
                          and (doctor_id in (select unnest(?::uuid[])) or chair_id in (select unnest(?::uuid[])))
                        union all
                        select doctor_id, chair_id, date_part('epoch', starts_at)::bigint, date_part('epoch', ends_at)::bigint,
                               doctor_id is null and chair_id is null
                        from blockouts
                        where starts_at < ? and ends_at > ?
                          and (doctor_id in (select unnest(?::uuid[])) or chair_id in (select unnest(?::uuid[]))
                               or (doctor_id is null and chair_id is null))
                        """)
                .params(
                        toTime,
                        fromTime,
                        doctorIds,
                        chairArray,
                        Appointments.utc(now),
                        toTime,
                        fromTime,
                        doctorIds,
                        chairArray,
                        toTime,
                        fromTime,
                        doctorIds,
                        chairArray)
                .query(rs -> {
                    long start = rs.getLong(3);
                    long end = rs.getLong(4);
                    if (rs.getBoolean(5)) {
                        everywhere.add(start, end);
                        return;
                    }
                    UUID doctor = rs.getObject(1, UUID.class);
                    UUID chair = rs.getObject(2, UUID.class);
                    if (doctor != null) {
                        busyByDoctor
                                .computeIfAbsent(doctor, k -> new Intervals())
                                .add(start, end);
                    }
                    if (chair != null) {
                        busyByChair.computeIfAbsent(chair, k -> new Intervals()).add(start, end);
                    }
                });

        List<DoctorSchedule> schedules = new ArrayList<>();
        for (DoctorId doctor : doctors) {
            schedules.add(new DoctorSchedule(
                    doctor,
                    shiftsByDoctor.getOrDefault(doctor.value(), List.of()),
                    overrides.getOrDefault(doctor.value(), List.of()),
                    busyByDoctor
                            .getOrDefault(doctor.value(), new Intervals())
                            .plus(everywhere)
                            .toBusy()));
        }
        List<ChairPool.Entry> chairs = new ArrayList<>();
        for (ChairId chair : chairIds) {
            chairs.add(new ChairPool.Entry(
                    chair,
                    busyByChair
                            .getOrDefault(chair.value(), new Intervals())
                            .plus(everywhere)
                            .toBusy()));
        }
        return new Snapshot(schedules, new ChairPool(chairs));
    }

    /** The weekly shifts of one doctor. */
    List<WeeklyShift> shifts(DoctorId doctor) {
        return shifts(array(List.of(doctor.value()))).getOrDefault(doctor.value(), List.of());
    }

    private Map<UUID, List<WeeklyShift>> shifts(UUID[] doctorIds) {
        Map<UUID, ShiftRows> shifts = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.id, s.doctor_id, s.day_of_week, s.starts, s.ends, s.valid_from, s.valid_until,
                               b.starts as break_starts, b.ends as break_ends
                        from shifts s left join shift_breaks b on b.shift_id = s.id
                        where s.doctor_id = any(?)
                        """).param(doctorIds).query(rs -> {
            UUID shiftId = rs.getObject(1, UUID.class);
            ShiftRows row = shifts.get(shiftId);
            if (row == null) {
                row = new ShiftRows(
                        rs.getObject(2, UUID.class),
                        DayOfWeek.of(rs.getInt(3)),
                        time(rs.getTime(4)),
                        time(rs.getTime(5)),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        new ArrayList<>());
                shifts.put(shiftId, row);
            }
            Time breakStart = rs.getTime(8);
            if (breakStart != null) {
                row.breaks().add(new WeeklyShift.TimeSpan(time(breakStart), time(rs.getTime(9))));
            }
        });

        return shifts.values().stream()
                .collect(Collectors.groupingBy(
                        ShiftRows::doctorId,
                        Collectors.mapping(
                                r -> new WeeklyShift(
                                        r.day(), r.starts(), r.ends(), r.validFrom(), r.validUntil(), r.breaks()),
                                Collectors.toList())));
    }

    // date_part (double precision) rather than extract (numeric since PostgreSQL 14): the numeric
    // arithmetic per row was a measurable part of reading a large calendar.

    /** What was read: one schedule per requested doctor, in the order given, and the chairs. */
    record Snapshot(List<DoctorSchedule> doctors, ChairPool chairs) {}

    private record ShiftRows(
            UUID doctorId,
            DayOfWeek day,
            LocalTime starts,
            LocalTime ends,
            LocalDate validFrom,
            LocalDate validUntil,
            List<WeeklyShift.TimeSpan> breaks) {}

    /** A growable list of raw intervals, merged into {@link Busy} at the end. */
    private static final class Intervals {
        private long[] starts = new long[16];
        private long[] ends = new long[16];
        private int size;

        void add(long start, long end) {
            if (size == starts.length) {
                starts = java.util.Arrays.copyOf(starts, size * 2);
                ends = java.util.Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        Intervals plus(Intervals other) {
            Intervals all = new Intervals();
            for (int i = 0; i < size; i++) {
                all.add(starts[i], ends[i]);
            }
            for (int i = 0; i < other.size; i++) {
                all.add(other.starts[i], other.ends[i]);
            }
            return all;
        }

        Busy toBusy() {
            return Busy.of(starts, ends, size);
        }
    }

    private static LocalTime time(Time time) {
        return time == null ? null : time.toLocalTime();
    }

    /**
     * A typed {@code uuid[]} parameter. Sent as text and cast in SQL ({@code ?::uuid[]}), PostgreSQL
     * parses the array again for every row it filters, which made the busy-time query ten times slower.
     */
    private static UUID[] array(List<UUID> ids) {
        return ids.toArray(UUID[]::new);
    }
}
