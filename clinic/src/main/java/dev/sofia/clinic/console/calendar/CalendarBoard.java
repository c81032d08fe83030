package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.OpeningHours;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.Appointments;
import dev.sofia.clinic.scheduling.Schedules;
import dev.sofia.clinic.scheduling.WorkingHours;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Lays out the calendar grid: one column per doctor on a day, or per day of one doctor's week;
 * one row per slot of the practice's grid over its opening hours (widened to any shift or
 * appointment outside them). Each column's cells come from {@link ColumnCells}. Everything is
 * computed here, so the templates only draw it.
 */
@Component
class CalendarBoard {

    /** The rows shown when nothing (opening hours, shifts, appointments) says otherwise. */
    static final int DEFAULT_FIRST_MINUTE = 8 * 60;

    static final int DEFAULT_LAST_MINUTE = 18 * 60;

    private final PracticeCatalog catalog;
    private final Appointments appointments;
    private final WorkingHours workingHours;
    private final Schedules schedules;
    private final AppointmentBlocks blocks;
    private final Clock clock;

    CalendarBoard(
            PracticeCatalog catalog,
            Appointments appointments,
            WorkingHours workingHours,
            Schedules schedules,
            AppointmentBlocks blocks,
            Clock clock) {
        this.catalog = catalog;
        this.appointments = appointments;
        this.workingHours = workingHours;
        this.schedules = schedules;
        this.blocks = blocks;
        this.clock = clock;
    }

    /**
     * One column to draw: a doctor on a date, with its heading, where the heading links and what
     * that link opens ({@code hint}, for screen readers: "week view", "day view").
     */
    record Slice(Doctor doctor, LocalDate date, String id, String heading, String headingHref, String hint) {}

    /** The grid as the templates draw it. {@code rowHeight} is a CSS length. */
    record Grid(
            int rows,
            String rowHeight,
            List<RowLabel> times,
            List<Column> columns,
            List<AppointmentBlocks.Block> cancelled,
            int appointmentCount) {}

    /** A time on the left edge; {@code row} is the CSS grid row. */
    record RowLabel(int row, String time, boolean fullHour) {}

    /** A doctor-day column; {@code note} says why it is empty (absent, closed), or is null. */
    record Column(
            String id, String heading, String headingHref, String hint, String note, boolean today, List<Cell> cells) {}

    /**
     * Something in a column: {@code kind} is "appointment", "free" or "off"; {@code style} places it
     * (CSS grid rows); {@code text} is what it shows, {@code label} its accessible name.
     */
    record Cell(
            String kind,
            String style,
            String text,
            String label,
            String href,
            String css,
            AppointmentBlocks.Block appointment) {}

    Grid build(List<Slice> slices, CalendarState state, Texts texts, boolean week, UUID highlight) {
        Practice practice = catalog.practice();
        ZoneId zone = practice.timeZone();
        int interval = GridMath.interval(practice);
        if (slices.isEmpty()) {
            return new Grid(0, GridMath.rowHeight(interval), List.of(), List.of(), List.of(), 0);
        }
        LocalDate first =
                slices.stream().map(Slice::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last =
                slices.stream().map(Slice::date).max(Comparator.naturalOrder()).orElseThrow();
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<DoctorId> doctorIds =
                slices.stream().map(s -> s.doctor().id()).distinct().toList();
        Map<DoctorId, List<WorkingHours.Day>> hours = workingHours.between(doctorIds, first, last);
        // Read by start: an appointment running past midnight into the first day is left out.
        List<Appointment> all =
                appointments.between(from, to, doctorIds.size() == 1 ? doctorIds.getFirst() : null, null);
        List<Schedules.Blockout> blockouts = schedules.blockouts(from, to);

        int[] range = range(practice, slices, hours, all, interval);
        int rows = (range[1] - range[0]) / interval;
        ColumnCells.Geometry geometry =
                new ColumnCells.Geometry(range[0], interval, rows, zone, LocalDateTime.now(clock.withZone(zone)));
        List<RowLabel> times = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int minute = range[0] + r * interval;
            times.add(new RowLabel(r + 2, Texts.time(GridMath.time(minute)), minute % 60 == 0));
        }

        AppointmentBlocks.Namer namer = blocks.namer(texts, state, week);
        List<Column> columns = new ArrayList<>();
        List<AppointmentBlocks.Block> cancelled = new ArrayList<>();
        int count = 0;
        for (Slice slice : slices) {
            WorkingHours.Day day = day(hours, slice);
            String note = note(practice, slice.date(), day, texts);
            ColumnCells column = new ColumnCells(geometry, slice.doctor(), slice.date(), day, texts);
            column.unavailable(note);
            blockouts.forEach(column::blockout);
            for (Appointment a : all) {
                if (!a.doctorId().equals(slice.doctor().id())
                        || GridMath.localMinutes(a.start(), a.end(), slice.date(), zone) == null) {
                    continue;
                }
                AppointmentBlocks.Block block = namer.block(a, slice.doctor());
                if (a.isActive()) {
                    column.appointment(a, block, highlight);
                    count++;
                } else {
                    cancelled.add(block);
                }
            }
            columns.add(new Column(
                    slice.id(),
                    slice.heading(),
                    slice.headingHref(),
                    slice.hint(),
                    note,
                    slice.date().equals(geometry.now().toLocalDate()),
                    column.cells(state, week)));
        }
        return new Grid(rows, GridMath.rowHeight(interval), times, columns, cancelled, count);
    }

    /**
     * The minutes the rows span, {first, last}, on the interval's grid: the practice's opening
     * hours, the doctors' working spans and their appointments on the columns' dates.
     */
    private static int[] range(
            Practice practice,
            List<Slice> slices,
            Map<DoctorId, List<WorkingHours.Day>> hours,
            List<Appointment> all,
            int interval) {
        int firstMinute = Integer.MAX_VALUE;
        int lastMinute = Integer.MIN_VALUE;
        for (Slice slice : slices) {
            for (OpeningHours open : practice.openingHours()) {
                if (open.day() == slice.date().getDayOfWeek()) {
                    firstMinute = Math.min(firstMinute, GridMath.minutes(open.opens()));
                    lastMinute = Math.max(lastMinute, GridMath.endMinutes(open.closes()));
                }
            }
            for (WorkingHours.Span span : day(hours, slice).spans()) {
                firstMinute = Math.min(firstMinute, GridMath.minutes(span.starts()));
                lastMinute = Math.max(lastMinute, GridMath.endMinutes(span.ends()));
            }
            for (Appointment a : all) {
                int[] local = a.isActive() && a.doctorId().equals(slice.doctor().id())
                        ? GridMath.localMinutes(a.start(), a.end(), slice.date(), practice.timeZone())
                        : null;
                if (local != null) {
                    firstMinute = Math.min(firstMinute, local[0]);
                    lastMinute = Math.max(lastMinute, local[1]);
                }
            }
        }
        if (firstMinute >= lastMinute) {
            firstMinute = DEFAULT_FIRST_MINUTE;
            lastMinute = DEFAULT_LAST_MINUTE;
        }
        return new int[] {
            firstMinute / interval * interval,
            Math.min(GridMath.DAY_MINUTES, (lastMinute + interval - 1) / interval * interval)
        };
    }

    /** Why a column has no working time at all (absent, practice closed, no shift), or null. */
    private static String note(Practice practice, LocalDate date, WorkingHours.Day day, Texts texts) {
        if (day.absent()) {
            return day.absenceNote().isBlank()
                    ? texts.get("calendar.absent")
                    : texts.get("calendar.absent.note", day.absenceNote());
        }
        if (!day.spans().isEmpty()) {
            return null;
        }
        boolean closed = !practice.openingHours().isEmpty()
                && practice.openingHours().stream().noneMatch(o -> o.day() == date.getDayOfWeek());
        return texts.get(closed ? "calendar.closed" : "calendar.offShift");
    }

    private static WorkingHours.Day day(Map<DoctorId, List<WorkingHours.Day>> hours, Slice slice) {
        return hours.getOrDefault(slice.doctor().id(), List.of()).stream()
                .filter(d -> d.date().equals(slice.date()))
                .findFirst()
                .orElse(new WorkingHours.Day(slice.date(), List.of(), false, ""));
    }
}
