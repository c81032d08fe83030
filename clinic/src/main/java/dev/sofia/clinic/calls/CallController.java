package dev.sofia.clinic.calls;

import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.PhoneNumbers;
import dev.sofia.clinic.system.UnknownReferenceException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff view of calls: a list (newest first, filtered, paged with {@code before}), one call,
 * its LiveKit events and its transcript. Phone numbers are masked; the raw event payloads are not served.
 */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "Calls")
class CallController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d{5,}");

    private final CallSessions sessions;
    private final CallRecords records;

    CallController(CallSessions sessions, CallRecords records) {
        this.sessions = sessions;
        this.records = records;
    }

    @GetMapping
    @Operation(summary = "Calls, newest first; pass nextBefore back as before for the next page")
    CallPage list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    OffsetDateTime to,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable UUID before) {
        List<FieldProblem> problems = new ArrayList<>();
        CallStatus statusFilter = parse(status, CallStatus.values(), "status", problems);
        CallChannel channelFilter = parse(channel, CallChannel.values(), "channel", problems);
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CallSession cursor = before == null
                ? null
                : sessions.find(before).orElseThrow(() -> new UnknownReferenceException("before", "call"));
        List<CallSession> page = sessions.list(
                statusFilter,
                channelFilter,
                from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(),
                cursor,
                size + 1);
        boolean more = page.size() > size;
        List<CallView> calls = page.stream().limit(size).map(CallView::of).toList();
        return new CallPage(calls, more ? calls.getLast().id() : null);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One call")
    CallView get(@PathVariable UUID id) {
        return CallView.of(sessions.find(id).orElseThrow(() -> new NotFoundException("call", id)));
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "The LiveKit events of one call, in the order they happened")
    List<CallEvent> events(@PathVariable UUID id) {
        CallSession session = sessions.find(id).orElseThrow(() -> new NotFoundException("call", id));
        return sessions.events(id).stream()
                .map(e -> new CallEvent(
                        e.id(),
                        e.eventId(),
                        e.eventType(),
                        masked(session, e.participantIdentity()),
                        e.eventCreatedAt(),
                        e.receivedAt()))
                .toList();
    }

    @GetMapping("/{id}/transcript")
    @Operation(summary = "What was said in one call, line by line; empty once purged after the retention period")
    List<TranscriptLineView> transcript(@PathVariable UUID id) {
        sessions.find(id).orElseThrow(() -> new NotFoundException("call", id));
        return records.transcript(id).stream().map(TranscriptLineView::of).toList();
    }

    /**
     * Phone rooms and SIP identities may carry the caller's number ({@code sip_+4930…}, LiveKit's
     * default identity): in a phone call's names every run of five or more digits keeps only its
     * last two.
     */
    static @Nullable String masked(CallSession session, @Nullable String name) {
        if (name == null || session.channel() != CallChannel.PHONE) {
            return name;
        }
        return DIGIT_RUN.matcher(name).replaceAll(run -> {
            String digits = run.group();
            return "\u2022".repeat(3) + digits.substring(digits.length() - 2);
        });
    }

    private static <E extends Enum<E>> @Nullable E parse(
            @Nullable String value, E[] values, String field, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        for (E candidate : values) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(value)) {
                return candidate;
            }
        }
        problems.add(new FieldProblem(
                field,
                "must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(values)
                                        .map(v -> v.name().toLowerCase(Locale.ROOT))
                                        .toList())));
        return null;
    }

    /** A page of calls; {@code nextBefore} is absent on the last page. */
    record CallPage(List<CallView> calls, @Nullable UUID nextBefore) {}

    /** A call for staff: numbers masked, times in UTC. */
    record CallView(
            UUID id,
            String roomName,
            String channel,
            String direction,
            String status,
            @Nullable String language,
            @Nullable String callerNumber,
            @Nullable String calledNumber,
            @Nullable String participantIdentity,
            @Nullable String sipCallId,
            @Nullable String agentIdentity,
            Instant createdAt,
            @Nullable Instant answeredAt,
            @Nullable Instant endedAt,
            @Nullable String endReason,
            @Nullable Long durationSeconds,
            @Nullable UUID patientId,
            @Nullable String outcome,
            @Nullable String summary) {

        static CallView of(CallSession s) {
            return new CallView(
                    s.id(),
                    masked(s, s.roomName()),
                    s.channel().value(),
                    s.direction().value(),
                    s.status().value(),
                    s.language(),
                    PhoneNumbers.mask(s.callerNumber()),
                    PhoneNumbers.mask(s.calledNumber()),
                    masked(s, s.participantIdentity()),
                    s.sipCallId(),
                    s.agentIdentity(),
                    s.createdAt(),
                    s.answeredAt(),
                    s.endedAt(),
                    s.endReason(),
                    s.answeredAt() != null && s.endedAt() != null
                            ? Duration.between(s.answeredAt(), s.endedAt()).toSeconds()
                            : null,
                    s.patientId(),
                    s.outcome() == null ? null : s.outcome().dbValue(),
                    s.summary());
        }
    }

    /** One transcript line for staff; {@code speaker} is caller, agent or staff. */
    record TranscriptLineView(int seq, String speaker, String text, Instant spokenAt) {

        static TranscriptLineView of(TranscriptLine line) {
            return new TranscriptLineView(line.seq(), line.speaker().dbValue(), line.text(), line.spokenAt());
        }
    }
}
