package dev.sofia.clinic.console;

import dev.sofia.clinic.calls.CallMessage;
import dev.sofia.clinic.calls.CallMessages;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import dev.sofia.clinic.scheduling.Appointments;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's front door: today at a glance (appointments, calls in progress, messages to work
 * through), each a link to its page.
 */
@Controller
class ConsoleController {

    /** More than this many open messages or live calls is shown as "this many or more". */
    private static final int COUNT_LIMIT = 100;

    private final PracticeCatalog catalog;
    private final Appointments appointments;
    private final CallSessions calls;
    private final CallMessages messages;
    private final Clock clock;

    ConsoleController(
            PracticeCatalog catalog,
            Appointments appointments,
            CallSessions calls,
            CallMessages messages,
            Clock clock) {
        this.catalog = catalog;
        this.appointments = appointments;
        this.calls = calls;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console")
    String overview(Model model) {
        ZoneId zone = catalog.findPractice().map(Practice::timeZone).orElse(clock.getZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long planned = appointments
                .between(
                        today.atStartOfDay(zone).toInstant(),
                        today.plusDays(1).atStartOfDay(zone).toInstant(),
                        null,
                        null)
                .stream()
                .filter(a -> a.status() != AppointmentStatus.CANCELLED)
                .count();
        model.addAttribute("today", today);
        model.addAttribute("appointmentsToday", planned);
        model.addAttribute("liveCalls", calls.inProgress(COUNT_LIMIT).size());
        model.addAttribute(
                "openMessages",
                messages.list(CallMessage.Status.OPEN, COUNT_LIMIT).size());
        return "console/overview";
    }
}
