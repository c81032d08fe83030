package dev.sofia.clinic.console.people;

import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as staff read them: in the practice's time zone (not the server's), in the page's
 * language ({@code 21.11.2026, 09:30} or {@code 21 Nov 2026, 09:30}).
 */
@Component
class PeopleFormat {

    private final PracticeCatalog catalog;
    private final Clock clock;

    PeopleFormat(PracticeCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    ZoneId zone() {
        return catalog.findPractice().map(Practice::timeZone).orElse(clock.getZone());
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    @Nullable
    String dateTime(@Nullable Instant instant) {
        return instant == null
                ? null
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale())
                        .withZone(zone())
                        .format(instant);
    }

    @Nullable
    String time(@Nullable Instant instant) {
        return instant == null
                ? null
                : DateTimeFormatter.ofPattern("HH:mm:ss", locale())
                        .withZone(zone())
                        .format(instant);
    }

    /** Public, as templates call it (SpEL only finds public methods). */
    @Nullable
    public String date(@Nullable LocalDate date) {
        return date == null
                ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .format(date);
    }

    /** The practice's calendar day of {@code instant}, for links to the calendar. */
    LocalDate day(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    /** {@code 4:05} or {@code 1:02:03}; null for a call that was never answered or is still running. */
    static @Nullable String duration(@Nullable Instant from, @Nullable Instant to) {
        if (from == null || to == null) {
            return null;
        }
        Duration d = Duration.between(from, to);
        long h = d.toHours();
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
