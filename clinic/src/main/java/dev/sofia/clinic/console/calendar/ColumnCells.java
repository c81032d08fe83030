package dev.sofia.clinic.console.calendar;

import static dev.sofia.clinic.console.calendar.GridMath.DAY_MINUTES;

import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.Schedules;
import dev.sofia.clinic.scheduling.WorkingHours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cells of one column (a doctor on a date): time the doctor does not work (off shift, breaks,
 * absence, closed), blockouts, appointments, and a link for each free row not yet past. Busy time
 * (appointments with their buffer, blockouts) is tracked per minute, so a row is free only when
 * nothing touches it.
 */
final class ColumnCells {

    /** The grid's rows: {@code rows} rows of {@code interval} minutes from {@code firstMinute}. */
    record Geometry(int firstMinute, int interval, int rows, ZoneId zone, LocalDateTime now) {}

    private final Geometry grid;
    private final Doctor doctor;
    private final LocalDate date;
    private final Texts texts;
    private final boolean[] busy = new boolean[DAY_MINUTES];
    private final boolean[] working;
    private final List<CalendarBoard.Cell> background = new ArrayList<>();
    private final List<CalendarBoard.Cell> appointments = new ArrayList<>();

    ColumnCells(Geometry grid, Doctor doctor, LocalDate date, WorkingHours.Day day, Texts texts) {
        this.grid = grid;
        this.doctor = doctor;
        this.date = date;
        this.texts = texts;
        this.working = new boolean[grid.rows()];
        for (int r = 0; r < grid.rows(); r++) {
            int start = grid.firstMinute() + r * grid.interval();
            for (WorkingHours.Span span : day.spans()) {
                if (GridMath.minutes(span.starts()) <= start
                        && start + grid.interval() <= GridMath.endMinutes(span.ends())) {
                    working[r] = true;
                }
            }
        }
    }

    /**
     * Marks each run of rows outside the working spans as unavailable: labelled {@code note} when
     * the whole day is off (absent, closed), else a break between two spans or off shift.
     */
    void unavailable(String note) {
        int rows = grid.rows();
        for (int r = 0; r < rows; ) {
            if (working[r]) {
                r++;
                continue;
            }
            int runStart = r;
            while (r < rows && !working[r]) {
                r++;
            }
            boolean between = runStart > 0 && r < rows;
            String text = note != null ? note : between ? texts.get("calendar.break") : texts.get("calendar.offShift");
            background.add(off(runStart, r - runStart, text, "cal-off"));
        }
    }

    /** A blockout of this doctor or of the whole practice (chair blockouts do not stop a doctor). */
    void blockout(Schedules.Blockout b) {
        boolean applies = doctor.id().equals(b.doctorId()) || (b.doctorId() == null && b.chairId() == null);
        int[] local = applies ? GridMath.localMinutes(b.start(), b.end(), date, grid.zone()) : null;
        if (local == null) {
            return;
        }
        GridMath.mark(busy, local[0], local[1]);
        int[] rows = GridMath.rowSpan(local[0], local[1], grid.firstMinute(), grid.interval(), grid.rows());
        if (rows != null) {
            String text = b.reason() == null || b.reason().isBlank()
                    ? texts.get("calendar.blockout")
                    : texts.get("calendar.blockout.reason", b.reason());
            background.add(off(rows[0], rows[1], text, "cal-off cal-blockout"));
        }
    }

    /** An active appointment of this doctor as a block; its buffer keeps the rows after it busy. */
    void appointment(Appointment a, AppointmentBlocks.Block block, UUID highlight) {
        int[] occupied = GridMath.localMinutes(a.start(), a.blockedUntil(), date, grid.zone());
        int[] local = GridMath.localMinutes(a.start(), a.end(), date, grid.zone());
        if (occupied == null || local == null) {
            return;
        }
        GridMath.mark(busy, occupied[0], occupied[1]);
        int[] rows = GridMath.rowSpan(local[0], local[1], grid.firstMinute(), grid.interval(), grid.rows());
        if (rows == null) {
            return;
        }
        String css = "appointment status-" + block.status() + " source-" + block.source()
                + (a.id().value().equals(highlight) ? " highlight" : "");
        appointments.add(new CalendarBoard.Cell(
                "appointment",
                GridMath.place(rows[0], rows[1]),
                block.time(),
                block.label(),
                block.href(),
                css,
                block));
    }

    /** Everything, free rows included: background first, then free links, appointments on top. */
    List<CalendarBoard.Cell> cells(CalendarState state, boolean week) {
        List<CalendarBoard.Cell> cells = new ArrayList<>(background);
        for (int r = 0; r < grid.rows(); r++) {
            int start = grid.firstMinute() + r * grid.interval();
            LocalTime time = GridMath.time(start);
            if (!working[r]
                    || GridMath.any(busy, start, start + grid.interval())
                    || !LocalDateTime.of(date, time).isAfter(grid.now())) {
                continue;
            }
            String href = state.carry(UriComponentsBuilder.fromPath("/console/calendar/new")
                            .queryParam("doctor", doctor.id().value())
                            .queryParam("start", LocalDateTime.of(date, time)))
                    .build()
                    .toUriString();
            String label = week
                    ? texts.get("calendar.free.week", texts.shortDate(date), Texts.time(time))
                    : texts.get("calendar.free.day", Texts.time(time), doctor.displayName());
            cells.add(new CalendarBoard.Cell(
                    "free", GridMath.place(r, 1), Texts.time(time), label, href, "cal-free", null));
        }
        cells.addAll(appointments);
        return cells;
    }

    private static CalendarBoard.Cell off(int row, int span, String text, String css) {
        return new CalendarBoard.Cell("off", GridMath.place(row, span), text, null, null, css, null);
    }
}
