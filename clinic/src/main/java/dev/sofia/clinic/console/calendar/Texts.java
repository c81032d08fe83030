package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import dev.sofia.clinic.scheduling.BookingSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The calendar's texts in one page's language (i18n/calendar*.properties): messages, names of
 * appointment types, sources and statuses, and dates and times as the language writes them.
 */
final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;
    private final Locale locale;

    Texts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    String type(AppointmentType type) {
        return type.name().in(locale.getLanguage());
    }

    String source(BookingSource source) {
        return get("calendar.source." + key(source.name()));
    }

    String status(AppointmentStatus status) {
        return get("calendar.status." + key(status.name()));
    }

    /** "Montag, 23. November 2026" / "Monday, 23 November 2026". */
    String longDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern(get("calendar.date.long"), locale));
    }

    /** "Mo., 23.11." / "Mon 23 Nov". */
    String shortDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern(get("calendar.date.short"), locale));
    }

    /** "23.11.2026" / "23/11/2026": dates of birth and the like. */
    String numericDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern(get("calendar.date.numeric"), locale));
    }

    static String time(LocalTime time) {
        return time.format(TIME);
    }

    /** CSS-friendly lower-case key of an enum name: NO_SHOW → no-show. */
    static String key(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
