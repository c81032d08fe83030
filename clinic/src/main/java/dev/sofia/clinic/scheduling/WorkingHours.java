package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.DoctorId;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When doctors work on given dates, as a calendar shows it: the local working spans (weekly shifts
 * minus breaks, or a date override's hours) by the same rule {@link SlotFinder} books by, and
 * whether a day-off override (vacation, illness) covers the date, with its note.
 */
@Service
public class WorkingHours {

    /** A span of local clock time within one day. */
    public record Span(LocalTime starts, LocalTime ends) {}

    /**
     * One doctor's date: the working spans in time order (empty on a day off or a day without a
     * shift), {@code absent} when a day-off override covers it, and that override's note ("" if none).
     */
    public record Day(LocalDate date, List<Span> spans, boolean absent, String absenceNote) {
        public Day {
            spans = List.copyOf(spans);
        }
    }

    private final JdbcClient jdbc;
    private final ScheduleReader reader;

    WorkingHours(JdbcClient jdbc, ScheduleReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** Each doctor's days from {@code first} to {@code last} (inclusive), in date order. */
    @Transactional(readOnly = true)
    public Map<DoctorId, List<Day>> between(List<DoctorId> doctors, LocalDate first, LocalDate last) {
        Map<DoctorId, List<Day>> result = new LinkedHashMap<>();
        for (DoctorId doctor : doctors) {
            List<OverrideRow> rows = overrides(doctor, first, last);
            DoctorSchedule schedule = new DoctorSchedule(
                    doctor,
                    reader.shifts(doctor),
                    rows.stream().map(OverrideRow::override).toList(),
                    Busy.NONE);
            List<Day> days = new ArrayList<>();
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                LocalDate on = date;
                OverrideRow off = rows.stream()
                        .filter(r -> !r.override().available() && r.override().covers(on))
                        .findFirst()
                        .orElse(null);
                List<Span> spans = schedule.workingSpans(date).stream()
                        .map(s -> new Span(s.starts(), s.ends()))
                        .sorted(Comparator.comparing(Span::starts))
                        .toList();
                days.add(new Day(date, spans, off != null, off == null ? "" : off.note()));
            }
            result.put(doctor, days);
        }
        return result;
    }

    private List<OverrideRow> overrides(DoctorId doctor, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                        select first_day, last_day, available, starts, ends, note from schedule_overrides
                        where doctor_id = ? and last_day >= ? and first_day <= ?
                        order by first_day
                        """)
                .params(doctor.value(), first, last)
                .query((rs, n) -> new OverrideRow(
                        new DateOverride(
                                rs.getObject(1, LocalDate.class),
                                rs.getObject(2, LocalDate.class),
                                rs.getBoolean(3),
                                rs.getObject(4, LocalTime.class),
                                rs.getObject(5, LocalTime.class)),
                        rs.getString(6) == null ? "" : rs.getString(6)))
                .list();
    }

    private record OverrideRow(DateOverride override, String note) {}
}
