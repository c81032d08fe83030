package dev.sofia.clinic.receptionist.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.scheduling.PartOfDay;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** The clocks the tests read phrases against, all in the practice's zone, and one row's check. */
final class Anchors {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** An ordinary Wednesday morning. */
    static final String WEDNESDAY = "2026-06-17T10:00";

    /** The same Wednesday at 23:30, when most of the day has passed. */
    static final String WEDNESDAY_LATE = "2026-06-17T23:30";

    /** Friday before summer time ends (Sunday 2026-10-25, 03:00 → 02:00). */
    static final String FRIDAY_BEFORE_AUTUMN_CHANGE = "2026-10-23T10:00";

    /** Saturday before summer time starts (Sunday 2027-03-28, 02:00 → 03:00). */
    static final String SATURDAY_BEFORE_SPRING_CHANGE = "2027-03-27T10:00";

    /** A Wednesday two days before New Year. */
    static final String YEAR_END = "2026-12-30T10:00";

    /** Sunday, the last day of January. */
    static final String MONTH_END = "2027-01-31T10:00";

    /** Monday before a leap day. */
    static final String BEFORE_LEAP_DAY = "2028-02-28T10:00";

    private Anchors() {}

    static WhenParser parserAt(String localDateTime) {
        LocalDateTime now = LocalDateTime.parse(localDateTime);
        return new WhenParser(Clock.fixed(now.atZone(BERLIN).toInstant(), BERLIN), BERLIN);
    }

    /** One table row: {@code to} left empty means the same day as {@code from}. */
    static void assertReads(
            String anchor,
            String expression,
            String language,
            String from,
            @Nullable String to,
            @Nullable String time,
            @Nullable String partOfDay) {
        When expected = new When(
                LocalDate.parse(from),
                LocalDate.parse(to == null ? from : to),
                time == null ? null : LocalTime.parse(time),
                partOfDay == null ? null : PartOfDay.valueOf(partOfDay));

        assertThat(parserAt(anchor).parse(expression, language))
                .as("\"%s\" (%s) said at %s", expression, language, anchor)
                .contains(expected);
    }
}
