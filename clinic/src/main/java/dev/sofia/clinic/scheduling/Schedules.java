package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.UnknownReferenceException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintains when doctors work: weekly shifts with breaks, date overrides (vacation, extra days) and
 * blockouts. Every change is validated whole before anything is written.
 */
@Service
public class Schedules {

    private final JdbcClient jdbc;
    private final PracticeCatalog catalog;
    private final ScheduleReader reader;

    Schedules(JdbcClient jdbc, PracticeCatalog catalog, ScheduleReader reader) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.reader = reader;
    }

    /** One weekly shift as staff enter it. */
    public record Shift(
            DayOfWeek day,
            LocalTime starts,
            LocalTime ends,
            LocalDate validFrom,
            LocalDate validUntil,
            List<Span> breaks) {}

    /** A span of local time. */
    public record Span(LocalTime starts, LocalTime ends) {}

    /** A date override: off ({@code available} false, no times) or other hours. */
    public record Override(
            UUID id,
            LocalDate firstDay,
            LocalDate lastDay,
            boolean available,
            LocalTime starts,
            LocalTime ends,
            String note) {}

    /** Blocked time for a doctor, a chair, or (both null) the whole practice. */
    public record Blockout(UUID id, DoctorId doctorId, ChairId chairId, Instant start, Instant end, String reason) {}

    public List<Shift> shifts(DoctorId doctor) {
        requireDoctor(doctor);
        return reader.shifts(doctor).stream()
                .map(s -> new Shift(
                        s.day(),
                        s.starts(),
                        s.ends(),
                        s.validFrom(),
                        s.validUntil(),
                        s.breaks().stream()
                                .map(b -> new Span(b.starts(), b.ends()))
                                .toList()))
                .toList();
    }

    /** Replaces all weekly shifts of a doctor. */
    @Transactional
    public void replaceShifts(DoctorId doctor, List<Shift> shifts) {
        requireDoctor(doctor);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < shifts.size(); i++) {
            Shift s = shifts.get(i);
            String at = "shifts[" + i + "]";
            if (!s.ends().isAfter(s.starts())) {
                problems.add(new FieldProblem(at + ".ends", "must be after starts"));
            }
            if (s.validFrom() != null
                    && s.validUntil() != null
                    && s.validUntil().isBefore(s.validFrom())) {
                problems.add(new FieldProblem(at + ".validUntil", "must not be before validFrom"));
            }
            for (int j = 0; j < s.breaks().size(); j++) {
                Span b = s.breaks().get(j);
                if (!b.ends().isAfter(b.starts())
                        || b.starts().isBefore(s.starts())
                        || b.ends().isAfter(s.ends())) {
                    problems.add(new FieldProblem(
                            at + ".breaks[" + j + "]", "must lie within the shift and end after it starts"));
                }
            }
            for (int k = 0; k < i; k++) {
                Shift other = shifts.get(k);
                if (other.day() == s.day()
                        && other.starts().isBefore(s.ends())
                        && s.starts().isBefore(other.ends())
                        && overlappingValidity(other, s)) {
                    problems.add(new FieldProblem(at, "overlaps shifts[" + k + "]"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("delete from shifts where doctor_id = ?").param(doctor.value()).update();
        for (Shift s : shifts) {
            UUID id = UUID.randomUUID();
            jdbc.sql(
                            "insert into shifts (id, doctor_id, day_of_week, starts, ends, valid_from, valid_until) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            doctor.value(),
                            s.day().getValue(),
                            Time.valueOf(s.starts()),
                            Time.valueOf(s.ends()),
                            s.validFrom(),
                            s.validUntil())
                    .update();
            for (Span b : s.breaks()) {
                jdbc.sql("insert into shift_breaks (id, shift_id, starts, ends) values (?, ?, ?, ?)")
                        .params(UUID.randomUUID(), id, Time.valueOf(b.starts()), Time.valueOf(b.ends()))
                        .update();
            }
        }
    }

    public List<Override> overrides(DoctorId doctor) {
        requireDoctor(doctor);
        return jdbc.sql("select * from schedule_overrides where doctor_id = ? order by first_day")
                .param(doctor.value())
                .query((rs, n) -> new Override(
                        rs.getObject("id", UUID.class),
                        rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class),
                        rs.getBoolean("available"),
                        rs.getObject("starts", LocalTime.class),
                        rs.getObject("ends", LocalTime.class),
                        rs.getString("note")))
                .list();
    }

    @Transactional
    public Override addOverride(DoctorId doctor, Override o) {
        requireDoctor(doctor);
        if (o.lastDay().isBefore(o.firstDay())) {
            throw new InvalidInputException("lastDay", "must not be before firstDay");
        }
        if (o.available()
                && (o.starts() == null || o.ends() == null || !o.ends().isAfter(o.starts()))) {
            throw new InvalidInputException("ends", "an override with hours needs starts and ends, ends after starts");
        }
        if (!o.available() && (o.starts() != null || o.ends() != null)) {
            throw new InvalidInputException("starts", "a day off has no hours");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into schedule_overrides (id, doctor_id, first_day, last_day, available, starts, ends, note) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        doctor.value(),
                        o.firstDay(),
                        o.lastDay(),
                        o.available(),
                        o.starts() == null ? null : Time.valueOf(o.starts()),
                        o.ends() == null ? null : Time.valueOf(o.ends()),
                        o.note() == null ? "" : o.note())
                .update();
        return new Override(id, o.firstDay(), o.lastDay(), o.available(), o.starts(), o.ends(), o.note());
    }

    @Transactional
    public void removeOverride(UUID id) {
        if (jdbc.sql("delete from schedule_overrides where id = ?").param(id).update() == 0) {
            throw new NotFoundException("override", id);
        }
    }

    public List<Blockout> blockouts(Instant from, Instant to) {
        return jdbc.sql("select * from blockouts where starts_at < ? and ends_at > ? order by starts_at")
                .params(Appointments.utc(to), Appointments.utc(from))
                .query((rs, n) -> {
                    UUID doctor = rs.getObject("doctor_id", UUID.class);
                    UUID chair = rs.getObject("chair_id", UUID.class);
                    return new Blockout(
                            rs.getObject("id", UUID.class),
                            doctor == null ? null : new DoctorId(doctor),
                            chair == null ? null : new ChairId(chair),
                            rs.getObject("starts_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            rs.getObject("ends_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            rs.getString("reason"));
                })
                .list();
    }

    @Transactional
    public Blockout addBlockout(Blockout b) {
        if (!b.end().isAfter(b.start())) {
            throw new InvalidInputException("end", "must be after start");
        }
        if (b.doctorId() != null) {
            requireDoctor(b.doctorId(), "doctorId");
        }
        if (b.chairId() != null && catalog.chairs().stream().noneMatch(c -> c.id().equals(b.chairId()))) {
            throw new UnknownReferenceException("chairId", "chair");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into blockouts (id, doctor_id, chair_id, starts_at, ends_at, reason) values (?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        b.doctorId() == null ? null : b.doctorId().value(),
                        b.chairId() == null ? null : b.chairId().value(),
                        Appointments.utc(b.start()),
                        Appointments.utc(b.end()),
                        b.reason() == null ? "" : b.reason())
                .update();
        return new Blockout(id, b.doctorId(), b.chairId(), b.start(), b.end(), b.reason());
    }

    @Transactional
    public void removeBlockout(UUID id) {
        if (jdbc.sql("delete from blockouts where id = ?").param(id).update() == 0) {
            throw new NotFoundException("blockout", id);
        }
    }

    private static boolean overlappingValidity(Shift a, Shift b) {
        LocalDate aFrom = a.validFrom() == null ? LocalDate.MIN : a.validFrom();
        LocalDate aUntil = a.validUntil() == null ? LocalDate.MAX : a.validUntil();
        LocalDate bFrom = b.validFrom() == null ? LocalDate.MIN : b.validFrom();
        LocalDate bUntil = b.validUntil() == null ? LocalDate.MAX : b.validUntil();
        return !aFrom.isAfter(bUntil) && !bFrom.isAfter(aUntil);
    }

    private void requireDoctor(DoctorId doctor) {
        catalog.doctor(doctor).orElseThrow(() -> new NotFoundException("doctor", doctor));
    }

    private void requireDoctor(DoctorId doctor, String field) {
        catalog.doctor(doctor).orElseThrow(() -> new UnknownReferenceException(field, "doctor"));
    }
}
