package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Appointments;
import dev.sofia.clinic.scheduling.WorkingHours;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The practice calendar: {@code /console/calendar?date=2026-11-23&doctor=<id>&view=week}. The
 * day view has a column per doctor (or the one chosen), the week view a column per day of one
 * doctor's week. Every control is a link or a GET form, so each view has its own shareable URL.
 */
@Controller
class CalendarController {

    private final PracticeCatalog catalog;
    private final CalendarBoard board;
    private final WorkingHours workingHours;
    private final Appointments appointments;
    private final MessageSource messages;
    private final Clock clock;

    CalendarController(
            PracticeCatalog catalog,
            CalendarBoard board,
            WorkingHours workingHours,
            Appointments appointments,
            MessageSource messages,
            Clock clock) {
        this.catalog = catalog;
        this.board = board;
        this.workingHours = workingHours;
        this.appointments = appointments;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/calendar")
    String calendar(
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String doctor,
            @RequestParam(required = false) String view,
            Locale locale,
            Model model) {
        Texts texts = new Texts(messages, locale);
        Practice practice = catalog.practice();
        ZoneId zone = practice.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<String> alerts = new ArrayList<>();

        LocalDate day = today;
        if (!Params.blank(date)) {
            Optional<LocalDate> parsed = Params.date(date);
            if (parsed.isPresent()) {
                day = parsed.get();
            } else {
                alerts.add(texts.get("calendar.invalidDate", date));
            }
        }

        List<Doctor> doctors = catalog.doctors();
        List<Doctor> active = doctors.stream().filter(Doctor::active).toList();
        Doctor chosen = null;
        if (!Params.blank(doctor)) {
            Optional<UUID> id = Params.uuid(doctor);
            chosen = id.flatMap(value -> catalog.doctor(new DoctorId(value))).orElse(null);
            if (chosen == null) {
                alerts.add(texts.get("calendar.unknownDoctor"));
            }
        }
        boolean week = "week".equals(view);
        if (week && chosen == null && !active.isEmpty()) {
            chosen = active.getFirst();
            alerts.add(texts.get("calendar.weekNeedsDoctor", chosen.displayName()));
        }
        week = week && chosen != null;
        CalendarState state = new CalendarState(week, chosen == null ? null : chosen.id());

        List<CalendarBoard.Slice> slices = new ArrayList<>();
        LocalDate previous;
        LocalDate next;
        String heading;
        if (week) {
            LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate sunday = monday.plusDays(6);
            for (LocalDate d : weekDays(practice, chosen, monday, zone)) {
                slices.add(new CalendarBoard.Slice(
                        chosen,
                        d,
                        "col-" + d,
                        texts.shortDate(d),
                        new CalendarState(false, chosen.id()).calendar(d),
                        texts.get("calendar.column.toDay")));
            }
            previous = day.minusWeeks(1);
            next = day.plusWeeks(1);
            heading = texts.get(
                    "calendar.heading.week",
                    texts.numericDate(monday),
                    texts.numericDate(sunday),
                    chosen.displayName());
        } else {
            List<Doctor> shown = chosen != null ? List.of(chosen) : withAppointments(active, doctors, day, zone);
            for (Doctor d : shown) {
                slices.add(new CalendarBoard.Slice(
                        d,
                        day,
                        "col-" + d.id().value(),
                        d.displayName(),
                        new CalendarState(true, d.id()).calendar(day),
                        texts.get("calendar.column.toWeek")));
            }
            previous = day.minusDays(1);
            next = day.plusDays(1);
            heading = texts.get("calendar.heading.day", texts.longDate(day));
        }
        CalendarBoard.Grid grid = board.build(slices, state, texts, week, highlight(model));

        model.addAttribute("title", texts.get("calendar.title"));
        model.addAttribute("heading", heading);
        model.addAttribute("alerts", alerts);
        model.addAttribute("week", week);
        model.addAttribute("date", day);
        model.addAttribute(
                "isToday",
                week
                        ? !today.isBefore(day.with(DayOfWeek.MONDAY)) && !today.isAfter(day.with(DayOfWeek.SUNDAY))
                        : day.equals(today));
        model.addAttribute("doctors", doctors);
        model.addAttribute("chosenDoctor", chosen == null ? null : chosen.id().value());
        model.addAttribute("grid", grid);
        model.addAttribute("previousLink", state.calendar(previous));
        model.addAttribute("nextLink", state.calendar(next));
        model.addAttribute("todayLink", state.calendar(today));
        model.addAttribute("dayLink", new CalendarState(false, state.doctor()).calendar(day));
        model.addAttribute(
                "weekLink",
                new CalendarState(
                                true,
                                chosen != null
                                        ? chosen.id()
                                        : active.isEmpty()
                                                ? null
                                                : active.getFirst().id())
                        .calendar(day));
        model.addAttribute(
                "newLink",
                state.carry(org.springframework.web.util.UriComponentsBuilder.fromPath("/console/calendar/new")
                                .queryParam("date", day)
                                .queryParamIfPresent(
                                        "doctor", Optional.ofNullable(chosen).map(d -> d.id().value())))
                        .build()
                        .toUriString());
        return "console/calendar/calendar";
    }

    private static UUID highlight(Model model) {
        Object value = model.getAttribute("highlight");
        return value instanceof String s ? Params.uuid(s).orElse(null) : null;
    }

    /**
     * Active doctors, plus inactive ones who still have appointments that day (so nothing booked
     * disappears from the calendar when a doctor leaves).
     */
    private List<Doctor> withAppointments(List<Doctor> active, List<Doctor> all, LocalDate day, ZoneId zone) {
        List<Doctor> shown = new ArrayList<>(active);
        if (all.size() == active.size()) {
            return shown;
        }
        var booked = appointments
                .between(
                        day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant(),
                        null,
                        null)
                .stream()
                .filter(a -> a.isActive())
                .map(a -> a.doctorId())
                .toList();
        for (Doctor d : all) {
            if (!d.active() && booked.contains(d.id())) {
                shown.add(d);
            }
        }
        return shown;
    }

    /**
     * The days of the week to show: Monday to Friday, and Saturday or Sunday when the practice
     * opens then, the doctor works then or has an appointment then.
     */
    private List<LocalDate> weekDays(Practice practice, Doctor doctor, LocalDate monday, ZoneId zone) {
        LocalDate sunday = monday.plusDays(6);
        Map<DoctorId, List<WorkingHours.Day>> hours = workingHours.between(List.of(doctor.id()), monday, sunday);
        var booked = appointments
                .between(
                        monday.atStartOfDay(zone).toInstant(),
                        sunday.plusDays(1).atStartOfDay(zone).toInstant(),
                        doctor.id(),
                        null)
                .stream()
                .filter(a -> a.isActive())
                .map(a -> a.start().atZone(zone).toLocalDate())
                .toList();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = monday; !d.isAfter(sunday); d = d.plusDays(1)) {
            LocalDate date = d;
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            boolean used = practice.openingHours().stream().anyMatch(o -> o.day() == date.getDayOfWeek())
                    || hours.getOrDefault(doctor.id(), List.of()).stream()
                            .anyMatch(h -> h.date().equals(date) && !h.spans().isEmpty())
                    || booked.contains(date);
            if (!weekend || used) {
                days.add(d);
            }
        }
        return days;
    }
}
