package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Appointment;
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
 * Moving an appointment to another time and/or doctor ({@code
 * /console/calendar/appointments/{id}/move}) through {@link Booking#reschedule}, the service
 * behind {@code POST /api/appointments/{id}/reschedule}: the old appointment is cancelled and the
 * new one booked in one transaction, or nothing changes and the form comes back (422).
 */
@Controller
class MoveAppointmentController {

    private final AppointmentFacts facts;
    private final FormFields fields;
    private final Booking booking;
    private final PracticeCatalog catalog;
    private final AppointmentBlocks blocks;
    private final Suggestions suggestions;
    private final MessageSource messages;

    MoveAppointmentController(
            AppointmentFacts facts,
            FormFields fields,
            Booking booking,
            PracticeCatalog catalog,
            AppointmentBlocks blocks,
            Suggestions suggestions,
            MessageSource messages) {
        this.facts = facts;
        this.fields = fields;
        this.booking = booking;
        this.catalog = catalog;
        this.blocks = blocks;
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

    @GetMapping("/console/calendar/appointments/{id}/move")
    ModelAndView moveForm(
            @PathVariable String id,
            @RequestParam(required = false) String calView,
            @RequestParam(required = false) String calDoctor,
            Locale locale,
            Model model) {
        Texts texts = new Texts(messages, locale);
        Appointment a = facts.find(id);
        ZonedDateTime start = a.start().atZone(facts.zone());
        MoveForm form = new MoveForm(
                a.doctorId().value().toString(),
                start.toLocalDate().toString(),
                Texts.time(start.toLocalTime()),
                calView,
                calDoctor);
        FormErrors errors = new FormErrors(texts);
        if (!AppointmentFacts.changeable(a)) {
            errors.general("calendar.error.notActive", texts.status(a.status()));
        }
        renderMove(model, a, form, errors, null, null, texts);
        return Pages.page(
                "console/calendar/move",
                AppointmentFacts.changeable(a) ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
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
        Appointment a = facts.find(id);
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

        DoctorId doctor = fields.doctor(form.doctorId(), errors);
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

        LocalDate date = fields.date(form.date(), errors);
        LocalTime time = fields.time(form.time(), errors);
        if (!AppointmentFacts.changeable(a)) {
            errors.general("calendar.error.notActive", texts.status(a.status()));
        }
        if (errors.any()) {
            renderMove(model, a, form, errors, null, null, texts);
            return Pages.page("console/calendar/move", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        ZoneId zone = facts.zone();
        Appointment moved;
        try {
            moved = booking.reschedule(
                    a.id(), LocalDateTime.of(date, time).atZone(zone).toInstant(), doctor, null);
        } catch (ProblemException e) {
            if (e instanceof NotFoundException) {
                throw e;
            }
            errors.from(e, type);
            renderMove(model, a, form, errors, suggestions.alternatives(errors, texts), null, texts);
            return Pages.page("console/calendar/move", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return blocks.backToCalendar(moved, "calendar.notice.moved", true, form.state(), zone, texts, redirect);
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
        facts.describe(model, a, state, texts);
        AppointmentType type = catalog.appointmentType(a.typeId()).orElse(null);
        model.addAttribute("title", texts.get("calendar.move.title"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("suggestions", choices);
        model.addAttribute("info", info);
        model.addAttribute("changeable", AppointmentFacts.changeable(a));
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
}
