package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.Booking;
import dev.sofia.clinic.scheduling.BookingRequest;
import dev.sofia.clinic.scheduling.BookingSource;
import dev.sofia.clinic.system.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Booking from the console: {@code GET /console/calendar/new} (prefilled from a free time in the
 * grid: {@code ?doctor=<id>&start=2026-11-23T09:15}) and {@code POST
 * /console/calendar/appointments}, which books with source STAFF through {@link Booking}, the
 * service behind {@code POST /api/appointments}: opening hours, conflicts, chairs and holds are
 * enforced exactly as there. A refusal returns the form (422) with the reason at the field;
 * nothing is booked.
 */
@Controller
class NewAppointmentController {

    static final int NOTES_MAX = 2000;

    private final PracticeCatalog catalog;
    private final Booking booking;
    private final PatientChoices patients;
    private final Suggestions suggestions;
    private final AppointmentBlocks blocks;
    private final FormFields fields;
    private final MessageSource messages;
    private final Clock clock;

    NewAppointmentController(
            PracticeCatalog catalog,
            Booking booking,
            PatientChoices patients,
            Suggestions suggestions,
            AppointmentBlocks blocks,
            FormFields fields,
            MessageSource messages,
            Clock clock) {
        this.fields = fields;
        this.catalog = catalog;
        this.booking = booking;
        this.patients = patients;
        this.suggestions = suggestions;
        this.blocks = blocks;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/calendar/new")
    ModelAndView form(
            @RequestParam(required = false) String patient,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String doctor,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String time,
            @RequestParam(required = false) String start,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String calView,
            @RequestParam(required = false) String calDoctor,
            Locale locale,
            Model model) {
        Texts texts = new Texts(messages, locale);
        String day = date;
        String at = time;
        Optional<LocalDateTime> startAt = Params.dateTime(start);
        if (startAt.isPresent()) {
            day = startAt.get().toLocalDate().toString();
            at = Texts.time(startAt.get().toLocalTime());
        }
        if (Params.blank(day)) {
            day = today().toString();
        }
        BookingForm form = new BookingForm(patient, type, doctor, day, at, "", Pages.newKey(), calView, calDoctor);
        render(model, form, q, new FormErrors(texts), null, null, texts);
        return Pages.page("console/calendar/new", HttpStatus.OK);
    }

    /** The patient choices alone, for the search field's as-you-type update (htmx). */
    @GetMapping("/console/calendar/new/patients")
    String patientResults(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String patientId,
            Locale locale,
            Model model) {
        Texts texts = new Texts(messages, locale);
        model.addAttribute("patients", patients.find(q, patientId, texts));
        model.addAttribute("errors", new FormErrors(texts));
        return "console/calendar/new :: patients";
    }

    @PostMapping("/console/calendar/appointments")
    ModelAndView book(
            @ModelAttribute("form") BookingForm form,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String pick,
            @RequestParam(required = false) String q,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Texts texts = new Texts(messages, locale);
        FormErrors errors = new FormErrors(texts);
        if (form.key().isEmpty()) {
            form = form.withKey(Pages.newKey());
        }

        Optional<Suggestions.Picked> picked = Suggestions.parse(pick);
        if (picked.isPresent()) {
            LocalDateTime at = picked.get().start();
            form = form.withSlot(
                    picked.get().doctor().value().toString(),
                    at.toLocalDate().toString(),
                    Texts.time(at.toLocalTime()));
            String info =
                    texts.get("calendar.form.picked", texts.shortDate(at.toLocalDate()), Texts.time(at.toLocalTime()));
            render(model, form, q, errors, null, info, texts);
            return Pages.page("console/calendar/new", HttpStatus.OK);
        }

        AppointmentType type = fields.type(form.typeId(), errors);
        DoctorId doctor = fields.doctor(form.doctorId(), errors);
        if ("suggest".equals(action)) {
            LocalDate from = Params.date(form.date()).orElse(null);
            List<Suggestions.Choice> choices = List.of();
            if (type != null && !errors.any()) {
                try {
                    choices = suggestions.find(type, doctor, from, texts);
                } catch (ProblemException e) {
                    errors.from(e, type);
                }
            } else if (type == null && !errors.has("type")) {
                errors.field("type", "calendar.error.type.forSuggestions");
            }
            render(model, form, q, errors, choices, null, texts);
            return Pages.page("console/calendar/new", errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK);
        }

        PatientId patient = fields.patient(form.patientId(), errors);
        LocalDate date = fields.date(form.date(), errors);
        LocalTime time = fields.time(form.time(), errors);
        if (form.notes().length() > NOTES_MAX) {
            errors.field("notes", "calendar.error.notes.tooLong");
        }
        if (errors.any()) {
            render(model, form, q, errors, null, null, texts);
            return Pages.page("console/calendar/new", HttpStatus.UNPROCESSABLE_CONTENT);
        }

        ZoneId zone = catalog.practice().timeZone();
        BookingRequest request = new BookingRequest(
                patient,
                type.id(),
                doctor,
                LocalDateTime.of(date, time).atZone(zone).toInstant(),
                BookingSource.STAFF,
                null,
                form.notes().isBlank() ? null : form.notes().strip(),
                null);
        Appointment booked;
        try {
            booked = booking.book(request, Pages.usableKey(form.key())).appointment();
        } catch (ProblemException e) {
            errors.from(e, type);
            render(model, form, q, errors, suggestions.alternatives(errors, texts), null, texts);
            return Pages.page("console/calendar/new", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return blocks.backToCalendar(booked, "calendar.notice.booked", true, form.state(), zone, texts, redirect);
    }

    private void render(
            Model model,
            BookingForm form,
            String q,
            FormErrors errors,
            List<Suggestions.Choice> choices,
            String info,
            Texts texts) {
        CalendarState state = form.state();
        LocalDate day = Params.date(form.date()).orElse(today());
        model.addAttribute("title", texts.get("calendar.form.new.title"));
        model.addAttribute("form", form);
        model.addAttribute("patients", patients.find(q, form.patientId(), texts));
        model.addAttribute("types", typeOptions(form.typeId(), texts));
        model.addAttribute("doctors", doctorOptions(form.doctorId()));
        model.addAttribute("errors", errors);
        model.addAttribute("suggestions", choices);
        model.addAttribute("info", info);
        model.addAttribute("backLink", state.calendar(day));
        Map<String, String> carried = new LinkedHashMap<>();
        carried.put("patient", form.patientId());
        carried.put("type", form.typeId());
        carried.put("doctor", form.doctorId());
        carried.put("date", form.date());
        carried.put("time", form.time());
        carried.put("calView", form.calView());
        carried.put("calDoctor", form.calDoctor());
        carried.values().removeIf(String::isEmpty);
        model.addAttribute("carried", carried);
    }

    private List<Pages.Option> typeOptions(String selected, Texts texts) {
        return catalog.appointmentTypes().stream()
                .filter(t -> t.active() || t.id().value().toString().equals(selected))
                .map(t -> new Pages.Option(
                        t.id().value().toString(),
                        texts.type(t) + " (" + t.duration().toMinutes() + " min)",
                        t.id().value().toString().equals(selected)))
                .sorted(java.util.Comparator.comparing(Pages.Option::label))
                .toList();
    }

    private List<Pages.Option> doctorOptions(String selected) {
        return catalog.doctors().stream()
                .filter(d -> d.active() || d.id().value().toString().equals(selected))
                .map(d -> new Pages.Option(
                        d.id().value().toString(),
                        d.displayName(),
                        d.id().value().toString().equals(selected)))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(catalog.practice().timeZone()));
    }
}
