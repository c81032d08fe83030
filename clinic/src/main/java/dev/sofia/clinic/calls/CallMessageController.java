package dev.sofia.clinic.calls;

import dev.sofia.clinic.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff's list of messages Sofia left (callback requests, handovers) and marking one done.
 * Phone numbers are shown whole here: staff need them to call back.
 */
@RestController
@RequestMapping("/api/messages")
@Tag(name = "Messages")
class CallMessageController {

    static final int DEFAULT_LIMIT = 50;

    private final CallMessages messages;

    CallMessageController(CallMessages messages) {
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Messages for staff, newest first; status open or done, limit 1-200 (50)")
    List<MessageView> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit) {
        CallMessage.Status filter = status == null ? null : status(status);
        return messages.list(filter, limit == null ? DEFAULT_LIMIT : limit).stream()
                .map(MessageView::of)
                .toList();
    }

    @PostMapping("/{id}/done")
    @Operation(summary = "Mark a message done; marking it again changes nothing")
    MessageView done(@PathVariable UUID id, @Valid @RequestBody DoneBody body) {
        return MessageView.of(messages.markDone(id, body.doneBy()));
    }

    private static CallMessage.Status status(String value) {
        for (CallMessage.Status candidate : CallMessage.Status.values()) {
            if (candidate.dbValue().equals(value)) {
                return candidate;
            }
        }
        throw new InvalidInputException("status", "must be one of open, done");
    }

    /** @param doneBy who did it, as staff call themselves (1 to 100 characters) */
    record DoneBody(
            @NotBlank(message = "is required")
            @Size(max = CallMessages.MAX_NAME, message = "must be at most 100 characters")
            String doneBy) {}

    /** A message for staff; kind, status and language in lower case, times in UTC. */
    record MessageView(
            UUID id,
            @Nullable UUID callSessionId,
            @Nullable UUID patientId,
            String kind,
            @Nullable String callerName,
            @Nullable String phone,
            String reason,
            @Nullable String language,
            String status,
            Instant createdAt,
            @Nullable Instant doneAt,
            @Nullable String doneBy) {

        static MessageView of(CallMessage m) {
            return new MessageView(
                    m.id(),
                    m.callSessionId(),
                    m.patientId(),
                    m.kind().dbValue(),
                    m.callerName(),
                    m.phone(),
                    m.reason(),
                    m.language(),
                    m.status().dbValue(),
                    m.createdAt(),
                    m.doneAt(),
                    m.doneBy());
        }
    }
}
