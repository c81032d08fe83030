package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.OpeningHours;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import dev.sofia.clinic.scheduling.Appointments;
import dev.sofia.clinic.scheduling.Schedules;
import dev.sofia.clinic.scheduling.WorkingHours;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lays out the calendar grid: one column per doctor on a day, or per day of one doctor's week;
 * one row per slot of the practice's grid over its opening hours (widened to any shift or
 * appointment outside them). A column holds its appointments as blocks, the time its doctor does
 * not work (off shift, breaks, absences, blockouts) as unavailable, and each free row as a link
 * that starts a booking there. Everything is computed here, so the templates only draw it.
 */
@Component
class CalendarBoard {

    /** The rows shown when nothing (opening hours, shifts, appointments) says otherwise. */
    static final int DEFAULT_FIRST_MINUTE = 8 * 60;

    static final int DEFAULT_LAST_MINUTE = 18 * 60;

    private static final int DAY_MINUTES = 24 * 60;

    private final PracticeCatalog catalog;
    private final Appointments appointments;
    private final WorkingHours workingHours;
    private final Schedules schedules;
    private final Patients patients;
    private final Clock clock;

    CalendarBoard(
            PracticeCatalog catalog,
            Appointments appointments,
            WorkingHours workingHours,
            Schedules schedules,
            Patients patients,
            Clock clock) {
        this.catalog = catalog;
        this.appointments = appointments;
        this.workingHours = workingHours;
        this.schedules = schedules;
        this.patients = patients;
        this.clock = clock;
    }

    /** One column to draw: a doctor on a date, with its heading (and where the heading links). */
    record Slice(Doctor doctor, LocalDate date, String id, String heading, String headingHref) {}

    /** The grid as the templates draw it. {@code rowHeight} is a CSS length. */
    record Grid(
            int rows,
            String rowHeight,
            List<RowLabel> times,
            List<Column> columns,
            List<Block> cancelled,
            int appointmentCount) {}

    /** A time on the left edge; {@code row} is the CSS grid row. */
    record RowLabel(int row, String time, boolean fullHour) {}

    /** A doctor-day column; {@code note} says why it is empty (absent, closed), or is null. */
    record Column(String id, String heading, String headingHref, String note, boolean today, List<Cell> cells) {}

    /**
     * Something in a column: {@code kind} is "appointment", "free" or "off"; {@code style} places it
     * (CSS grid rows); {@code text} is what it shows, {@code label} its accessible name.
     */
    record Cell(String kind, String style, String text, String label, String href, String css, Block appointment) {}

    /** An appointment as a block or list entry shows it. */
    record Block(
            UUID id,
            String start,
            String date,
            String time,
            String end,
            String patient,
            String type,
            String source,
            String sourceLabel,
            String status,
            String statusLabel,
            String doctor,
            String label,
            String href,
            String reason) {}

    Grid build(List<Slice> slices, CalendarState state, Texts texts, boolean week, UUID highlight) {
        Practice practice = catalog.practice();
        ZoneId zone = practice.timeZone();
        int interval = interval(practice);
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        if (slices.isEmpty()) {
            return new Grid(0, rowHeight(interval), List.of(), List.of(), List.of(), 0);
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
        // Appointments that started the evening before and run into the first day are rare enough
        // to leave out; the query reads by start.
        List<Appointment> all =
                appointments.between(from, to, doctorIds.size() == 1 ? doctorIds.getFirst() : null, null);
        List<Schedules.Blockout> blockouts = schedules.blockouts(from, to);
        Map<AppointmentTypeId, AppointmentType> types =
                catalog.appointmentTypes().stream().collect(Collectors.toMap(AppointmentType::id, Function.identity()));
        Map<PatientId, Optional<Patient>> patientCache = new HashMap<>();

        // the rows: opening hours, working spans and appointments of every column
        int firstMinute = Integer.MAX_VALUE;
        int lastMinute = Integer.MIN_VALUE;
        for (Slice slice : slices) {
            for (OpeningHours open : practice.openingHours()) {
                if (open.day() == slice.date().getDayOfWeek()) {
                    firstMinute = Math.min(firstMinute, minutes(open.opens()));
                    lastMinute = Math.max(lastMinute, endMinutes(open.closes()));
                }
            }
            for (WorkingHours.Span span : day(hours, slice).spans()) {
                firstMinute = Math.min(firstMinute, minutes(span.starts()));
                lastMinute = Math.max(lastMinute, endMinutes(span.ends()));
            }
            for (Appointment a : all) {
                if (a.isActive() && a.doctorId().equals(slice.doctor().id())) {
                    int[] local = localMinutes(a.start(), a.end(), slice.date(), zone);
                    if (local != null) {
                        firstMinute = Math.min(firstMinute, local[0]);
                        lastMinute = Math.max(lastMinute, local[1]);
                    }
                }
            }
        }
        if (firstMinute >= lastMinute) {
            firstMinute = DEFAULT_FIRST_MINUTE;
            lastMinute = DEFAULT_LAST_MINUTE;
        }
        firstMinute = firstMinute / interval * interval;
        lastMinute = Math.min(DAY_MINUTES, (lastMinute + interval - 1) / interval * interval);
        int rows = (lastMinute - firstMinute) / interval;

        List<RowLabel> times = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int minute = firstMinute + r * interval;
            times.add(new RowLabel(r + 2, Texts.time(LocalTime.of(minute / 60, minute % 60)), minute % 60 == 0));
        }

        List<Column> columns = new ArrayList<>();
        List<Block> cancelled = new ArrayList<>();
        int count = 0;
        for (Slice slice : slices) {
            Doctor doctor = slice.doctor();
            LocalDate date = slice.date();
            WorkingHours.Day day = day(hours, slice);
            boolean practiceOpens = practice.openingHours().stream().anyMatch(o -> o.day() == date.getDayOfWeek());
            boolean practiceHasHours = !practice.openingHours().isEmpty();

            // busy minutes of this column: appointments with their buffer, blockouts
            boolean[] busy = new boolean[DAY_MINUTES];
            List<Cell> cells = new ArrayList<>();

            // unavailable: rows not inside a working span
            boolean[] working = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                int start = firstMinute + r * interval;
                int end = start + interval;
                for (WorkingHours.Span span : day.spans()) {
                    if (minutes(span.starts()) <= start && end <= endMinutes(span.ends())) {
                        working[r] = true;
                    }
                }
            }
            String note = null;
            if (day.absent()) {
                note = day.absenceNote().isBlank()
                        ? texts.get("calendar.absent")
                        : texts.get("calendar.absent.note", day.absenceNote());
            } else if (day.spans().isEmpty() && practiceHasHours && !practiceOpens) {
                note = texts.get("calendar.closed");
            } else if (day.spans().isEmpty()) {
                note = texts.get("calendar.offShift");
            }
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
                String text =
                        note != null ? note : between ? texts.get("calendar.break") : texts.get("calendar.offShift");
                cells.add(new Cell("off", place(runStart, r - runStart), text, null, null, "cal-off", null));
            }

            for (Schedules.Blockout b : blockouts) {
                boolean applies = doctor.id().equals(b.doctorId()) || (b.doctorId() == null && b.chairId() == null);
                int[] local = applies ? localMinutes(b.start(), b.end(), date, zone) : null;
                if (local == null) {
                    continue;
                }
                mark(busy, local[0], local[1]);
                int[] span = rowSpan(local[0], local[1], firstMinute, interval, rows);
                if (span != null) {
                    String text = b.reason() == null || b.reason().isBlank()
                            ? texts.get("calendar.blockout")
                            : texts.get("calendar.blockout.reason", b.reason());
                    cells.add(new Cell("off", place(span[0], span[1]), text, null, null, "cal-off cal-blockout", null));
                }
            }

            List<Cell> blocks = new ArrayList<>();
            for (Appointment a : all) {
                if (!a.doctorId().equals(doctor.id())) {
                    continue;
                }
                int[] local = localMinutes(a.start(), a.end(), date, zone);
                if (local == null) {
                    continue;
                }
                Block block = block(a, doctor, types, patientCache, texts, zone, week, state);
                if (!a.isActive()) {
                    cancelled.add(block);
                    continue;
                }
                count++;
                int[] occupied = localMinutes(a.start(), a.blockedUntil(), date, zone);
                mark(busy, occupied[0], occupied[1]);
                int[] span = rowSpan(local[0], local[1], firstMinute, interval, rows);
                if (span == null) {
                    continue;
                }
                String css = "appointment status-" + block.status() + " source-" + block.source()
                        + (a.id().value().equals(highlight) ? " highlight" : "");
                blocks.add(new Cell(
                        "appointment", place(span[0], span[1]), block.time(), block.label(), block.href(), css, block));
            }

            // free rows: working, nothing busy, not yet past
            for (int r = 0; r < rows; r++) {
                int start = firstMinute + r * interval;
                if (!working[r] || any(busy, start, start + interval)) {
                    continue;
                }
                LocalTime time = LocalTime.of(start / 60, start % 60);
                if (!LocalDateTime.of(date, time).isAfter(now)) {
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
                cells.add(new Cell("free", place(r, 1), Texts.time(time), label, href, "cal-free", null));
            }
            cells.addAll(blocks);
            LocalDate today = now.toLocalDate();
            columns.add(new Column(slice.id(), slice.heading(), slice.headingHref(), note, date.equals(today), cells));
        }
        return new Grid(rows, rowHeight(interval), times, columns, cancelled, count);
    }

    /** One appointment as the detail page and notices show it (with its date). */
    Block describe(Appointment a, Texts texts, CalendarState state) {
        Map<AppointmentTypeId, AppointmentType> types =
                catalog.appointmentTypes().stream().collect(Collectors.toMap(AppointmentType::id, Function.identity()));
        Doctor doctor = catalog.doctor(a.doctorId()).orElse(null);
        return block(
                a, doctor, types, new HashMap<>(), texts, catalog.practice().timeZone(), true, state);
    }

    /** "Mo., 23.11. 09:00 Kontrolle, Max Mustermann (Dr. Anna Weber)": what a notice names. */
    static String summary(Block block, Texts texts) {
        return texts.get(
                "calendar.appointment.summary",
                block.date(),
                block.time(),
                block.type(),
                block.patient(),
                block.doctor());
    }

    /** The appointment as the grid, lists and detail page show it. */
    Block block(
            Appointment a,
            Doctor doctor,
            Map<AppointmentTypeId, AppointmentType> types,
            Map<PatientId, Optional<Patient>> patientCache,
            Texts texts,
            ZoneId zone,
            boolean withDate,
            CalendarState state) {
        ZonedDateTime start = a.start().atZone(zone);
        ZonedDateTime end = a.end().atZone(zone);
        String patient = patientCache
                .computeIfAbsent(a.patientId(), patients::find)
                .map(p -> p.firstName() + " " + p.lastName())
                .orElse("?");
        AppointmentType type = types.get(a.typeId());
        String typeName = type == null ? "?" : texts.type(type);
        String time = Texts.time(start.toLocalTime());
        String date = texts.shortDate(start.toLocalDate());
        String label = texts.get(
                "calendar.appointment.label",
                (withDate ? date + " " : "") + time,
                typeName,
                patient,
                texts.source(a.source()),
                texts.status(a.status()));
        return new Block(
                a.id().value(),
                start.toLocalDateTime().toString(),
                date,
                time,
                Texts.time(end.toLocalTime()),
                patient,
                typeName,
                Texts.key(a.source().name()),
                texts.source(a.source()),
                Texts.key(a.status().name()),
                texts.status(a.status()),
                doctor == null ? "?" : doctor.displayName(),
                label,
                state.link("/console/calendar/appointments/" + a.id().value()),
                a.status() == AppointmentStatus.CANCELLED ? reason(a, texts) : null);
    }

    private static String reason(Appointment a, Texts texts) {
        String reason = a.cancellationReason();
        if (reason == null || reason.isBlank() || "cancelled".equals(reason)) {
            return null;
        }
        return "rescheduled".equals(reason) ? texts.get("calendar.rescheduled") : reason;
    }

    private static WorkingHours.Day day(Map<DoctorId, List<WorkingHours.Day>> hours, Slice slice) {
        return hours.getOrDefault(slice.doctor().id(), List.of()).stream()
                .filter(d -> d.date().equals(slice.date()))
                .findFirst()
                .orElse(new WorkingHours.Day(slice.date(), List.of(), false, ""));
    }

    static int interval(Practice practice) {
        long minutes = practice.slotInterval().toMinutes();
        return minutes >= 5 && minutes <= 120 && DAY_MINUTES % minutes == 0 ? (int) minutes : 15;
    }

    /** Rows of a 15-minute grid are 1.6rem high; finer grids get lower rows, coarser ones higher. */
    static String rowHeight(int interval) {
        double rem = Math.max(0.8, Math.min(3.2, 1.6 * interval / 15.0));
        return String.format(java.util.Locale.ROOT, "%.2frem", rem);
    }

    /** CSS placement of rows {@code [row, row + span)}; row 1 of the CSS grid is the heading. */
    private static String place(int row, int span) {
        return "grid-row: " + (row + 2) + " / span " + span;
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /** An end time in minutes of the day; 00:00 as an end is midnight at the day's end. */
    private static int endMinutes(LocalTime time) {
        int m = minutes(time);
        return m == 0 ? DAY_MINUTES : m;
    }

    /** {@code [start, end)} in minutes of {@code date}'s local day, clipped to it; null if outside. */
    static int[] localMinutes(Instant start, Instant end, LocalDate date, ZoneId zone) {
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (!start.isBefore(dayEnd) || !end.isAfter(dayStart)) {
            return null;
        }
        int s = start.isBefore(dayStart) ? 0 : minutes(start.atZone(zone).toLocalTime());
        int e = end.isAfter(dayEnd) || end.equals(dayEnd)
                ? DAY_MINUTES
                : minutes(end.atZone(zone).toLocalTime());
        if (e <= s) {
            e = Math.min(DAY_MINUTES, s + 1);
        }
        return new int[] {s, e};
    }

    /** The rows {@code [start, end)} touches, as {first row, count}, or null when outside the grid. */
    private static int[] rowSpan(int start, int end, int firstMinute, int interval, int rows) {
        int from = Math.floorDiv(start - firstMinute, interval);
        int until = Math.floorDiv(end - firstMinute + interval - 1, interval);
        from = Math.max(0, from);
        until = Math.min(rows, until);
        if (until <= from) {
            return null;
        }
        return new int[] {from, until - from};
    }

    private static void mark(boolean[] busy, int from, int to) {
        for (int m = Math.max(0, from); m < Math.min(DAY_MINUTES, to); m++) {
            busy[m] = true;
        }
    }

    private static boolean any(boolean[] busy, int from, int to) {
        for (int m = Math.max(0, from); m < Math.min(DAY_MINUTES, to); m++) {
            if (busy[m]) {
                return true;
            }
        }
        return false;
    }
}
