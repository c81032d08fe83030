package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.Chair;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.AppointmentId;
import dev.sofia.clinic.scheduling.AppointmentLifecycle;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import dev.sofia.clinic.scheduling.Appointments;
import dev.sofia.clinic.scheduling.Booking;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.ProblemException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One appointment: its page ({@code /console/calendar/appointments/{id}}), moving it (the
 * service behind {@code POST /api/appointments/{id}/reschedule}) and cancelling it after a
 * confirmation (the one behind {@code POST /api/appointments/{id}/cancel}). Both return to the
 * calendar at the affected day with a notice; a refusal returns the form (422), nothing changed.
 */
@Controller
class AppointmentPagesController {

    static final int REASON_MAX = 500;

    private final Appointments appointments;
    private final Booking booking;
    private final AppointmentLifecycle lifecycle;
    private final PracticeCatalog catalog;
    private final Patients patients;
    private final CalendarBoard board;
    private final Suggestions suggestions;
    private final MessageSource messages;

    AppointmentPagesController(
            Appointments appointments,
            Booking booking,
            AppointmentLifecycle lifecycle,
            PracticeCatalog catalog,
            Patients patients,
            CalendarBoard board,
            Suggestions suggestions,
            MessageSource messages) {
        this.appointments = appointments;
        this.booking = booking;
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.patients = patients;
        this.board = board;
        this.suggestions = suggestions;
        this.messages = messages;
    }

    /** The move form's fields as sent. */
    public record MoveForm(String doctorId, String date, String time, String calView, String calDoctor) {
        public MoveForm {
            doctorId = doctorId == null ? "" : doctorId.strip();
            date = date == null ? "" : date.strip();
            time = time == null ? "" : time.strip();
        }

        CalendarState state() {
            return CalendarState.of(calView, calDoctor);
        }
    }

    @GetMapping("/console/calendar/appointments/{id}")
    String detail(
            @PathVariable String id,
            @RequestParam(required = false) String calView,
            @RequestParam(required = false) String calDoctor,
            Locale locale,
            Model model) {
        Texts texts = new Texts(messages, locale);
        Appointment a = find(id);
        CalendarState state = CalendarState.of(calView, calDoctor);
        describe(model, a, state, texts);
        model.addAttribute("title", texts.get("calendar.detail.title"));
        return "console/calendar/appointment";
    }

    @GetMapping("/console/calendar/appointments/{id}/move")
    ModelAndView moveForm(
            @PathVariable String id,
            @RequestParam(required = false) String calView,
            @RequestParam(required = false) String calDoctor,
            Locale locale,
            Model model) {
        Texts texts = new Texts(messages, locale);
        Appointment a = find(id);
        ZonedDateTime start = a.start().atZone(zone());
        MoveForm form = new MoveForm(
                a.doctorId().value().toString(),
                start.toLocalDate().toString(),
                Texts.time(start.toLocalTime()),
                calView,
                calDoctor);
        FormErrors errors = new FormErrors(texts);
        if (!changeable(a)) {
            errors.general("calendar.error.notActive", texts.status(a.status()));
        }
        renderMove(model, a, form, errors, null, null, texts);
        return Pages.page("console/calendar/move", changeable(a) ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @PostMapping("/console/calendar/appointments/{id}/move")
    ModelAndView move(
            @PathVariable String id,
            MoveForm form,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String pick,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Texts texts = new Texts(messages, locale);
        Appointment a = find(id);
        FormErrors errors = new FormErrors(texts);
        AppointmentType type = catalog.appointmentType(a.typeId()).orElse(null);

        Optional<Suggestions.Picked> picked = Suggestions.parse(pick);
        if (picked.isPresent()) {
            LocalDateTime at = picked.get().start();
            MoveForm filled = new MoveForm(
                    picked.get().doctor().value().toString(),
                    at.toLocalDate().toString(),
                    Texts.time(at.toLocalTime()),
                    form.calView(),
                    form.calDoctor());
            String info =
                    texts.get("calendar.form.picked", texts.shortDate(at.toLocalDate()), Texts.time(at.toLocalTime()));
            renderMove(model, a, filled, errors, null, info, texts);
            return Pages.page("console/calendar/move", HttpStatus.OK);
        }

        DoctorId doctor = null;
        if (!Params.blank(form.doctorId())) {
            doctor = Params.uuid(form.doctorId())
                    .flatMap(value -> catalog.doctor(new DoctorId(value)))
                    .map(Doctor::id)
                    .orElse(null);
            if (doctor == null) {
                errors.field("doctor", "calendar.error.unknown.doctor");
            }
        }
        if ("suggest".equals(action)) {
            List<Suggestions.Choice> choices = List.of();
            if (type != null && !errors.any()) {
                try {
                    choices = suggestions.find(
                            type, doctor, Params.date(form.date()).orElse(null), texts);
                } catch (ProblemException e) {
                    errors.from(e, type);
                }
            }
            renderMove(model, a, form, errors, choices, null, texts);
            return Pages.page("console/calendar/move", errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK);
        }

        LocalDate date = NewAppointmentController.date(form.date(), errors);
        LocalTime time = NewAppointmentController.time(form.time(), errors);
        if (!changeable(a)) {
            errors.general("calendar.error.notActive", texts.status(a.status()));
        }
        if (errors.any()) {
            renderMove(model, a, form, errors, null, null, texts);
            return Pages.page("console/calendar/move", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        ZoneId zone = zone();
        Appointment moved;
        try {
            moved = booking.reschedule(
                    a.id(), LocalDateTime.of(date, time).atZone(zone).toInstant(), doctor, null);
        } catch (ProblemException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            errors.from(e, type);
            List<Suggestions.Choice> alternatives =
                    errors.alternatives().isEmpty() ? null : suggestions.choices(errors.alternatives(), texts);
            renderMove(model, a, form, errors, alternatives, null, texts);
            return Pages.page("console/calendar/move", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        CalendarState state = form.state();
        CalendarBoard.Block block = board.describe(moved, texts, state);
        redirect.addFlashAttribute("notice", texts.get("calendar.notice.moved", CalendarBoard.summary(block, texts)));
        redirect.addFlashAttribute("highlight", moved.id().value().toString());
        return Pages.seeOther(state.after(moved.start().atZone(zone).toLocalDate(), moved.doctorId()));
    }

    @GetMapping("/console/calendar/appointments/{id}/cancel")
    ModelAndView cancelForm(
            @PathVariable String id,
            @RequestParam(required = false) String calView,
            @RequestParam(required = false) String calDoctor,
            Locale locale,
            Model model) {
        Texts texts = new Texts(messages, locale);
        Appointment a = find(id);
        FormErrors errors = new FormErrors(texts);
        if (!changeable(a)) {
            errors.general("calendar.error.notActive", texts.status(a.status()));
        }
        renderCancel(model, a, CalendarState.of(calView, calDoctor), "", errors, texts);
        return Pages.page("console/calendar/cancel", changeable(a) ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @PostMapping("/console/calendar/appointments/{id}/cancel")
    ModelAndView cancel(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String calView,
            @RequestParam(required = false) String calDoctor,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Texts texts = new Texts(messages, locale);
        Appointment a = find(id);
        CalendarState state = CalendarState.of(calView, calDoctor);
        String text = reason == null ? "" : reason.strip();
        FormErrors errors = new FormErrors(texts);
        if (text.length() > REASON_MAX) {
            errors.field("reason", "calendar.error.reason.tooLong");
        }
        if (!changeable(a)) {
            errors.general("calendar.error.notActive", texts.status(a.status()));
        }
        if (!errors.any()) {
            try {
                lifecycle.cancel(a.id(), text.isEmpty() ? null : text);
            } catch (ProblemException e) {
                if (e instanceof NotFoundException) {
                    throw e;
                }
                errors.from(e, null);
            }
        }
        if (errors.any()) {
            renderCancel(model, a, state, text, errors, texts);
            return Pages.page("console/calendar/cancel", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        CalendarBoard.Block block = board.describe(a, texts, state);
        redirect.addFlashAttribute(
                "notice", texts.get("calendar.notice.cancelled", CalendarBoard.summary(block, texts)));
        return Pages.seeOther(state.after(a.start().atZone(zone()).toLocalDate(), a.doctorId()));
    }

    private void renderMove(
            Model model,
            Appointment a,
            MoveForm form,
            FormErrors errors,
            List<Suggestions.Choice> choices,
            String info,
            Texts texts) {
        CalendarState state = form.state();
        describe(model, a, state, texts);
        AppointmentType type = catalog.appointmentType(a.typeId()).orElse(null);
        model.addAttribute("title", texts.get("calendar.move.title"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("suggestions", choices);
        model.addAttribute("info", info);
        model.addAttribute("changeable", changeable(a));
        model.addAttribute(
                "doctors",
                catalog.doctors().stream()
                        .filter(d -> d.active() && (type == null || type.performedBy(d.id())))
                        .map(d -> new Pages.Option(
                                d.id().value().toString(),
                                d.displayName(),
                                d.id().value().toString().equals(form.doctorId())))
                        .toList());
    }

    private void renderCancel(
            Model model, Appointment a, CalendarState state, String reason, FormErrors errors, Texts texts) {
        describe(model, a, state, texts);
        model.addAttribute("title", texts.get("calendar.cancel.title"));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("changeable", changeable(a));
    }

    /** What every page of one appointment shows about it. */
    private void describe(Model model, Appointment a, CalendarState state, Texts texts) {
        ZoneId zone = zone();
        CalendarBoard.Block block = board.describe(a, texts, state);
        Patient patient = patients.find(a.patientId()).orElse(null);
        ZonedDateTime start = a.start().atZone(zone);
        model.addAttribute("appointment", block);
        model.addAttribute("status", a.status());
        model.addAttribute("patient", patient);
        model.addAttribute("patientBorn", patient == null ? null : texts.numericDate(patient.dateOfBirth()));
        model.addAttribute("longDate", texts.longDate(start.toLocalDate()));
        model.addAttribute(
                "chair",
                a.chairId() == null
                        ? null
                        : catalog.chairs().stream()
                                .filter(c -> c.id().equals(a.chairId()))
                                .map(Chair::name)
                                .findFirst()
                                .orElse(null));
        model.addAttribute("notes", a.notes());
        model.addAttribute("cancellationReason", block.reason());
        model.addAttribute(
                "rescheduledFrom",
                a.rescheduledFrom() == null
                        ? null
                        : state.link("/console/calendar/appointments/"
                                + a.rescheduledFrom().value()));
        model.addAttribute(
                "created",
                a.createdAt() == null
                        ? null
                        : texts.numericDate(a.createdAt().atZone(zone).toLocalDate()) + " "
                                + Texts.time(a.createdAt().atZone(zone).toLocalTime()));
        model.addAttribute("changeable", changeable(a));
        model.addAttribute("calendarLink", state.after(start.toLocalDate(), a.doctorId()));
        model.addAttribute("moveLink", state.link("/console/calendar/appointments/" + a.id().value() + "/move"));
        model.addAttribute("cancelLink", state.link("/console/calendar/appointments/" + a.id().value() + "/cancel"));
        model.addAttribute("detailLink", state.link("/console/calendar/appointments/" + a.id().value()));
        model.addAttribute("calView", state.week() ? "week" : null);
        model.addAttribute("calDoctor", state.doctorValue());
    }

    /** Only booked or confirmed appointments may still be moved or cancelled. */
    private static boolean changeable(Appointment a) {
        return a.status() == AppointmentStatus.BOOKED || a.status() == AppointmentStatus.CONFIRMED;
    }

    private Appointment find(String id) {
        Optional<UUID> value = Params.uuid(id);
        return value.flatMap(v -> appointments.find(new AppointmentId(v)))
                .orElseThrow(() -> new NotFoundException("appointment", id));
    }

    private ZoneId zone() {
        return catalog.practice().timeZone();
    }
}
