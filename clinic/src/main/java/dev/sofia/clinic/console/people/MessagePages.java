package dev.sofia.clinic.console.people;

import dev.sofia.clinic.calls.CallMessage;
import dev.sofia.clinic.calls.CallMessages;
import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.system.NotFoundException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The messages Sofia left (call-back requests, handovers): open ones first, marked done by the
 * signed-in user in place (htmx swaps the row) or by a plain form post, through {@link
 * CallMessages} as {@code POST /api/messages/{id}/done} does.
 */
@Controller
@RequestMapping("/console/messages")
class MessagePages {

    private final CallMessages messages;
    private final Patients patients;
    private final PeopleFormat format;
    private final PeopleTexts texts;

    MessagePages(CallMessages messages, Patients patients, PeopleFormat format, PeopleTexts texts) {
        this.messages = messages;
        this.patients = patients;
        this.format = format;
        this.texts = texts;
    }

    /** A message as listed; {@code open} decides whether it still has the "done" button. */
    record MessageRow(
            UUID id,
            String kind,
            @Nullable String callerName,
            @Nullable String phone,
            @Nullable UUID patientId,
            @Nullable String patientName,
            String reason,
            @Nullable String language,
            String created,
            @Nullable UUID callId,
            boolean open,
            @Nullable String doneAt,
            @Nullable String doneBy) {}

    /** @param show {@code open} (default), {@code done} or {@code all} (open ones first) */
    @GetMapping
    String list(@RequestParam(required = false, defaultValue = "open") String show, Model model) {
        CallMessage.Status status = switch (show) {
            case "done" -> CallMessage.Status.DONE;
            case "all" -> null;
            default -> CallMessage.Status.OPEN;
        };
        List<CallMessage> found = messages.list(status, 200).stream()
                .sorted(Comparator.comparing((CallMessage m) -> m.status() == CallMessage.Status.DONE))
                .toList();
        model.addAttribute("show", status == null ? "all" : status.dbValue());
        model.addAttribute("messages", rows(found));
        return "console/people/messages";
    }

    @PostMapping("/{id}/done")
    String done(
            @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Authentication user,
            Model model,
            RedirectAttributes flash) {
        CallMessage message;
        try {
            message = messages.markDone(PageNotFound.id(id), user.getName());
        } catch (NotFoundException e) {
            throw new PageNotFound();
        }
        if (htmx != null) {
            model.addAttribute("m", rows(List.of(message)).getFirst());
            return "console/people/messages :: row";
        }
        flash.addFlashAttribute("notice", texts.get("people.messages.marked"));
        return "redirect:/console/messages";
    }

    private List<MessageRow> rows(List<CallMessage> list) {
        Map<UUID, Optional<Patient>> known = new HashMap<>();
        return list.stream()
                .map(m -> {
                    String name = m.patientId() == null
                            ? null
                            : known.computeIfAbsent(m.patientId(), p -> patients.find(new PatientId(p)))
                                    .map(CallRows::name)
                                    .orElse(null);
                    return new MessageRow(
                            m.id(),
                            m.kind().dbValue(),
                            m.callerName(),
                            m.phone(),
                            m.patientId(),
                            name,
                            m.reason(),
                            m.language(),
                            format.dateTime(m.createdAt()),
                            m.callSessionId(),
                            m.status() == CallMessage.Status.OPEN,
                            format.dateTime(m.doneAt()),
                            m.doneBy());
                })
                .toList();
    }
}
