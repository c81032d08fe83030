package dev.sofia.clinic.console.people;

import dev.sofia.clinic.calls.CallChannel;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.calls.CallStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The call log's filter form as typed ({@code from}/{@code to} are days in the practice's time
 * zone, {@code to} included), read into what {@code CallSessions.list} takes. {@link #errors()}
 * names the fields that could not be read, as message keys.
 */
record CallFilter(
        @Nullable String from,
        @Nullable String to,
        @Nullable String channel,
        @Nullable String outcome,
        @Nullable String status,
        @Nullable String before) {

    record Parsed(
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable CallChannel channel,
            @Nullable CallOutcome outcome,
            @Nullable CallStatus status,
            @Nullable UUID before,
            Map<String, String> errors) {}

    Parsed parse(ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("to", "people.calls.invalid.range");
        }
        UUID cursor = null;
        if (present(before)) {
            try {
                cursor = UUID.fromString(before.strip());
            } catch (IllegalArgumentException e) {
                errors.put("before", "people.calls.invalid.before");
            }
        }
        return new Parsed(
                fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(),
                constant(channel, CallChannel.class, "channel", errors),
                constant(outcome, CallOutcome.class, "outcome", errors),
                constant(status, CallStatus.class, "status", errors),
                cursor,
                errors);
    }

    /** This filter's address with another cursor, for the "older calls" link. */
    String withBefore(UUID cursor) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/calls");
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("from", from);
        kept.put("to", to);
        kept.put("channel", channel);
        kept.put("outcome", outcome);
        kept.put("status", status);
        kept.forEach((name, value) -> {
            if (present(value)) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam("before", cursor).encode().build().toUriString();
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static @Nullable LocalDate day(@Nullable String value, String field, Map<String, String> errors) {
        if (!present(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "people.calls.invalid.date");
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E constant(
            @Nullable String value, Class<E> type, String field, Map<String, String> errors) {
        if (!present(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "people.calls.invalid.choice");
            return null;
        }
    }
}
