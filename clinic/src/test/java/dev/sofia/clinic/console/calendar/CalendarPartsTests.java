package dev.sofia.clinic.console.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.practice.DoctorId;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The calendar's small pure parts: reading parameters, the grid's arithmetic, the return URL. */
class CalendarPartsTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void datesAndTimesAreReadAsPeopleWriteThem() {
        assertThat(Params.date("2026-11-23")).contains(LocalDate.of(2026, 11, 23));
        assertThat(Params.date(" 23.11.2026 ")).contains(LocalDate.of(2026, 11, 23));
        assertThat(Params.date("3.1.2027")).contains(LocalDate.of(2027, 1, 3));
        assertThat(Params.date("31.02.2026")).isEmpty();
        assertThat(Params.date("2026-02-31")).isEmpty();
        assertThat(Params.date("morgen")).isEmpty();
        assertThat(Params.date("")).isEmpty();
        assertThat(Params.time("09:30")).contains(LocalTime.of(9, 30));
        assertThat(Params.time("9.30")).contains(LocalTime.of(9, 30));
        assertThat(Params.time("14:00:00")).contains(LocalTime.of(14, 0));
        assertThat(Params.time("24:00")).isEmpty();
        assertThat(Params.time("9 Uhr")).isEmpty();
        assertThat(Params.dateTime("2026-11-23T09:15")).contains(LocalDateTime.of(2026, 11, 23, 9, 15));
        assertThat(Params.uuid("nope")).isEmpty();
    }

    @Test
    void minutesOfALocalDayAreClippedToIt() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        int[] inside =
                GridMath.localMinutes(at(day, 9, 0).toInstant(), at(day, 9, 30).toInstant(), day, BERLIN);
        assertThat(inside).containsExactly(540, 570);
        int[] overnight = GridMath.localMinutes(
                at(day, 23, 0).toInstant(), at(day.plusDays(1), 1, 0).toInstant(), day, BERLIN);
        assertThat(overnight).containsExactly(1380, 1440);
        assertThat(GridMath.localMinutes(
                        at(day.plusDays(1), 9, 0).toInstant(),
                        at(day.plusDays(1), 10, 0).toInstant(),
                        day,
                        BERLIN))
                .isNull();
    }

    @Test
    void onTheNightTheClocksGoBackADaytimeAppointmentKeepsItsLocalTimes() {
        LocalDate day = LocalDate.of(2026, 10, 25);
        assertThat(GridMath.localMinutes(
                        at(day, 9, 0).toInstant(), at(day, 9, 45).toInstant(), day, BERLIN))
                .containsExactly(540, 585);
    }

    @Test
    void rowsAreTheSlotsATimeTouches() {
        // a grid from 08:00 in 15-minute rows, 40 rows
        assertThat(GridMath.rowSpan(540, 570, 480, 15, 40)).containsExactly(4, 2);
        assertThat(GridMath.rowSpan(545, 555, 480, 15, 40)).containsExactly(4, 1);
        assertThat(GridMath.rowSpan(545, 560, 480, 15, 40)).containsExactly(4, 2);
        assertThat(GridMath.rowSpan(420, 500, 480, 15, 40)).containsExactly(0, 2);
        assertThat(GridMath.rowSpan(1100, 1200, 480, 15, 40)).isNull();
        assertThat(GridMath.place(4, 2)).isEqualTo("grid-row: 6 / span 2");
    }

    @Test
    void afterAnActionTheCalendarShowsTheSameViewAtTheAffectedDay() {
        DoctorId weber = new DoctorId(UUID.randomUUID());
        DoctorId schmidt = new DoctorId(UUID.randomUUID());
        LocalDate day = LocalDate.of(2026, 11, 24);
        assertThat(CalendarState.DEFAULT.after(day, weber)).isEqualTo("/console/calendar?date=2026-11-24");
        assertThat(new CalendarState(false, weber).after(day, weber))
                .isEqualTo("/console/calendar?date=2026-11-24&doctor=" + weber.value());
        // the filter follows an appointment moved to another doctor, so it stays in sight
        assertThat(new CalendarState(true, weber).after(day, schmidt))
                .isEqualTo("/console/calendar?date=2026-11-24&doctor=" + schmidt.value() + "&view=week");
        assertThat(CalendarState.of("week", "not-a-uuid")).isEqualTo(new CalendarState(true, null));
        assertThat(new CalendarState(true, null).after(day, weber))
                .isEqualTo("/console/calendar?date=2026-11-24&doctor=" + weber.value() + "&view=week");
    }

    @Test
    void aPickedSuggestionNamesDoctorAndStart() {
        UUID doctor = UUID.randomUUID();
        assertThat(Suggestions.parse(doctor + "|2026-11-23T09:15"))
                .contains(new Suggestions.Picked(new DoctorId(doctor), LocalDateTime.of(2026, 11, 23, 9, 15)));
        assertThat(Suggestions.parse("2026-11-23T09:15")).isEmpty();
        assertThat(Suggestions.parse(doctor + "|later")).isEmpty();
    }

    private static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), BERLIN);
    }
}
