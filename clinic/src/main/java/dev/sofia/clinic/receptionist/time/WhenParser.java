package dev.sofia.clinic.receptionist.time;

import dev.sofia.clinic.scheduling.PartOfDay;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Understands when a caller means, in German or English, relative to a clock in the practice's
 * zone. Rule-based (regular expressions and word tables), so it works offline and answers the same
 * way every time; see the package documentation for how each phrase is read.
 *
 * <p>What was not said is filled in: a time alone ("um halb zehn") is today if it is still ahead,
 * otherwise tomorrow; a part of the day alone ("nachmittags") is today unless that part is over.
 */
public final class WhenParser {

    private final Clock clock;
    private final ZoneId zone;

    public WhenParser(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * @param language "de" or "en" (a tag such as "de-DE" works too); anything else tries both and
     *     keeps the reading that understood more
     * @return empty if the text names no date, no time and no part of the day
     */
    public Optional<When> parse(@Nullable String text, @Nullable String language) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        Findings findings = read(Utterance.normalize(text), language, now.toLocalDate());
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(complete(findings, now.toLocalDate(), now.toLocalTime()));
    }

    private static Findings read(String text, @Nullable String language, LocalDate today) {
        String tag = language == null ? "" : language.toLowerCase(Locale.ROOT);
        if (tag.startsWith("de")) {
            return Grammar.GERMAN.read(text, today);
        }
        if (tag.startsWith("en")) {
            return Grammar.ENGLISH.read(text, today);
        }
        Findings german = Grammar.GERMAN.read(text, today);
        Findings english = Grammar.ENGLISH.read(text, today);
        return english.pieces() > german.pieces() ? english : german;
    }

    private static When complete(Findings findings, LocalDate today, LocalTime now) {
        PartOfDay partOfDay = findings.partOfDay();
        SpokenTime spoken = findings.time();
        LocalTime time = spoken == null ? null : spoken.resolve(partOfDay);
        DateSpan days = findings.days();
        if (days == null) {
            days = DateSpan.day(stillAheadToday(time, partOfDay, now) ? today : today.plusDays(1));
        }
        return new When(days.from(), days.to(), time, partOfDay);
    }

    /** Without a day, a time or part of the day that has already passed today means tomorrow. */
    private static boolean stillAheadToday(@Nullable LocalTime time, @Nullable PartOfDay partOfDay, LocalTime now) {
        if (time != null) {
            return time.isAfter(now);
        }
        PartOfDay current = Arrays.stream(PartOfDay.values())
                .filter(part -> part.contains(now))
                .findFirst()
                .orElse(PartOfDay.EVENING);
        return partOfDay == null || partOfDay.compareTo(current) >= 0;
    }
}
