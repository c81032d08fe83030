package dev.sofia.clinic.console.people;

import dev.sofia.clinic.calls.CallEvent;
import dev.sofia.clinic.calls.CallRecords;
import dev.sofia.clinic.calls.CallSession;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.calls.CallsProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The call log (newest first, filtered, paged with the calls service's {@code before} cursor) and
 * one call: its record, its LiveKit events and its transcript.
 */
@Controller
@RequestMapping("/console/calls")
class CallPages {

    static final int PAGE_SIZE = 50;

    private final CallSessions sessions;
    private final CallRecords records;
    private final CallsProperties properties;
    private final CallRows rows;
    private final PeopleFormat format;

    CallPages(
            CallSessions sessions,
            CallRecords records,
            CallsProperties properties,
            CallRows rows,
            PeopleFormat format) {
        this.sessions = sessions;
        this.records = records;
        this.properties = properties;
        this.rows = rows;
        this.format = format;
    }

    /** One transcript line for the page; {@code speaker} is caller, agent or staff (the CSS class). */
    record Line(String speaker, String time, String text) {}

    /** One LiveKit event for the page. */
    record Event(String type, String time, String participant) {}

    @GetMapping
    String log(@ModelAttribute("filter") CallFilter filter, Model model, HttpServletResponse response) {
        CallFilter.Parsed parsed = filter.parse(format.zone());
        Optional<CallSession> cursor = parsed.before() == null ? Optional.empty() : sessions.find(parsed.before());
        if (parsed.before() != null && cursor.isEmpty()) {
            parsed.errors().put("before", "people.calls.invalid.before");
        }
        model.addAttribute("errors", parsed.errors());
        if (!parsed.errors().isEmpty()) {
            response.setStatus(PatientPages.UNPROCESSABLE);
            model.addAttribute("calls", List.of());
            return "console/people/calls";
        }
        List<CallSession> page = sessions.list(
                parsed.status(),
                parsed.channel(),
                parsed.outcome(),
                parsed.from(),
                parsed.to(),
                cursor.orElse(null),
                PAGE_SIZE + 1);
        List<CallRow> calls = rows.of(page.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("calls", calls);
        model.addAttribute("paged", cursor.isPresent());
        if (page.size() > PAGE_SIZE) {
            model.addAttribute("older", filter.withBefore(calls.getLast().id()));
        }
        return "console/people/calls";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        CallSession call = PageNotFound.orNotFound(sessions.find(PageNotFound.id(id)));
        List<Line> transcript = records.transcript(call.id()).stream()
                .map(l -> new Line(l.speaker().dbValue(), format.time(l.spokenAt()), l.text()))
                .toList();
        List<Event> events = sessions.events(call.id()).stream()
                .map(e -> new Event(e.eventType(), format.time(time(e)), e.participantIdentity()))
                .toList();
        model.addAttribute("call", rows.of(call));
        model.addAttribute("endReason", call.endReason());
        model.addAttribute("created", format.dateTime(call.createdAt()));
        model.addAttribute("answered", format.dateTime(call.answeredAt()));
        model.addAttribute("ended", format.dateTime(call.endedAt()));
        model.addAttribute("transcript", transcript);
        model.addAttribute("purged", transcript.isEmpty() && purged(call));
        model.addAttribute("retentionDays", properties.transcriptRetentionDays());
        model.addAttribute("events", events);
        return "console/people/call";
    }

    /** Whether the retention period has removed what was said (the purge deletes exactly these). */
    private boolean purged(CallSession call) {
        return call.endedAt() != null && call.endedAt().isBefore(format.now().minus(properties.transcriptRetention()));
    }

    private static java.time.Instant time(CallEvent e) {
        return e.eventCreatedAt() != null ? e.eventCreatedAt() : e.receivedAt();
    }
}
