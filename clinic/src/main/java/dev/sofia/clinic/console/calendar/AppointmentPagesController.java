package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.AppointmentLifecycle;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.ProblemException;
import java.util.Locale;
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
 * One appointment's page ({@code /console/calendar/appointments/{id}}) and cancelling it after a
 * confirmation, through the service behind {@code POST /api/appointments/{id}/cancel}; then back
 * to the calendar at its day with a notice. A refusal returns the form (422), nothing changed.
 * Moving it is {@link MoveAppointmentController}.
 */
@Controller
class AppointmentPagesController {

    static final int REASON_MAX = 500;

    private final AppointmentFacts facts;
    private final AppointmentLifecycle lifecycle;
    private final AppointmentBlocks blocks;
    private final MessageSource messages;

    AppointmentPagesController(
            AppointmentFacts facts, AppointmentLifecycle lifecycle, AppointmentBlocks blocks, MessageSource messages) {
        this.facts = facts;
        this.lifecycle = lifecycle;
        this.blocks = blocks;
        this.messages = messages;
    }

    @GetMapping("/console/calendar/appointments/{id}")
    String detail(
            @PathVariable String id,
            @RequestParam(required = false) String calView,
            @RequestParam(required = false) String calDoctor,
            Locale locale,
            Model model) {
        Texts texts = new Texts(messages, locale);
        Appointment a = facts.find(id);
        CalendarState state = CalendarState.of(calView, calDoctor);
        facts.describe(model, a, state, texts);
        model.addAttribute("title", texts.get("calendar.detail.title"));
        return "console/calendar/appointment";
    }

    @GetMapping("/console/calendar/appointments/{id}/cancel")
    ModelAndView cancelForm(
            @PathVariable String id,
            @RequestParam(required = false) String calView,
            @RequestParam(required = false) String calDoctor,
            Locale locale,
            Model model) {
        Texts texts = new Texts(messages, locale);
        Appointment a = facts.find(id);
        FormErrors errors = new FormErrors(texts);
        if (!AppointmentFacts.changeable(a)) {
            errors.general("calendar.error.notActive", texts.status(a.status()));
        }
        renderCancel(model, a, CalendarState.of(calView, calDoctor), "", errors, texts);
        return Pages.page(
                "console/calendar/cancel",
                AppointmentFacts.changeable(a) ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
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
        Appointment a = facts.find(id);
        CalendarState state = CalendarState.of(calView, calDoctor);
        String text = reason == null ? "" : reason.strip();
        FormErrors errors = new FormErrors(texts);
        if (text.length() > REASON_MAX) {
            errors.field("reason", "calendar.error.reason.tooLong");
        }
        if (!AppointmentFacts.changeable(a)) {
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
        return blocks.backToCalendar(a, "calendar.notice.cancelled", false, state, facts.zone(), texts, redirect);
    }

    private void renderCancel(
            Model model, Appointment a, CalendarState state, String reason, FormErrors errors, Texts texts) {
        facts.describe(model, a, state, texts);
        model.addAttribute("title", texts.get("calendar.cancel.title"));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("changeable", AppointmentFacts.changeable(a));
    }
}
