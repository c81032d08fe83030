package dev.sofia.clinic.console.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the calendar's request parameters as people and browsers send them: dates as 2026-11-23
 * (a date input) or 23.11.2026 (typed), times as 09:30 or 9.30, ids as UUIDs. Blank is absent;
 * anything else unreadable is empty, for the caller to say so.
 */
final class Params {

    private static final Pattern GERMAN_DATE = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4}");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})(?::00)?");

    private Params() {}

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Optional<UUID> uuid(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            if (GERMAN_DATE.matcher(text).matches()) {
                return Optional.of(LocalDate.parse(
                        text, DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT)));
            }
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalTime> time(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        var match = TIME.matcher(value.strip());
        if (!match.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(match.group(1));
        int minute = Integer.parseInt(match.group(2));
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }

    /** A local date-time as in {@code ?start=2026-11-23T09:15}. */
    static Optional<LocalDateTime> dateTime(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
