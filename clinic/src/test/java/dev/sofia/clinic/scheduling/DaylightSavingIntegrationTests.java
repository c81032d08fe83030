package dev.sofia.clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two Sundays a year Berlin changes its clocks, through the HTTP API and through the pure
 * finder: a night shift 00:00–06:00 and a morning shift 08:00–12:00, 30-minute type on a 30-minute grid.
 */
@ClinicIntegrationTest
class DaylightSavingIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 02:00 becomes 03:00. */
    static final String SPRING = "2027-03-28";
    /** 03:00 becomes 02:00. */
    static final String AUTUMN = "2026-10-25";

    static final List<String> SPRING_NIGHT = at(
            SPRING,
            "00:00+01:00",
            "00:30+01:00",
            "01:00+01:00",
            "01:30+01:00",
            "03:00+02:00",
            "03:30+02:00",
            "04:00+02:00",
            "04:30+02:00",
            "05:00+02:00",
            "05:30+02:00");
    static final List<String> SPRING_MORNING = at(
            SPRING,
            "08:00+02:00",
            "08:30+02:00",
            "09:00+02:00",
            "09:30+02:00",
            "10:00+02:00",
            "10:30+02:00",
            "11:00+02:00",
            "11:30+02:00");
    static final List<String> AUTUMN_NIGHT = at(
            AUTUMN,
            "00:00+02:00",
            "00:30+02:00",
            "01:00+02:00",
            "01:30+02:00",
            "02:00+02:00",
            "02:30+02:00",
            "02:00+01:00",
            "02:30+01:00",
            "03:00+01:00",
            "03:30+01:00",
            "04:00+01:00",
            "04:30+01:00",
            "05:00+01:00",
            "05:30+01:00");
    static final List<String> AUTUMN_MORNING = at(
            AUTUMN,
            "08:00+01:00",
            "08:30+01:00",
            "09:00+01:00",
            "09:30+01:00",
            "10:00+01:00",
            "10:30+01:00",
            "11:00+01:00",
            "11:30+01:00");

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Api api;

    @Autowired
    TestClock clock;

    ScheduleRows rows;
    UUID doctor;
    UUID type;
    UUID patient;

    @BeforeEach
    void calendar() {
        fixtures.reset();
        rows = new ScheduleRows(fixtures);
        rows.slotInterval(30);
        doctor = fixtures.doctor("Dr. Nacht");
        fixtures.shift(doctor, DayOfWeek.SUNDAY, "00:00", "06:00");
        fixtures.shift(doctor, DayOfWeek.SUNDAY, "08:00", "12:00");
        type = fixtures.type("kontrolle", 30, 0, doctor);
        patient = fixtures.patient("Sommerzeit");
    }

    @Test
    void inSpringTheSkippedHourHasNoSlots() {
        clock.set(Instant.parse("2027-03-20T09:00:00Z"));

        assertThat(slots(SPRING)).containsExactlyElementsOf(concat(SPRING_NIGHT, SPRING_MORNING));
    }

    @Test
    void inAutumnTheRepeatedHourHasSlotsTwice() {
        clock.set(Instant.parse("2026-10-20T08:00:00Z"));

        assertThat(slots(AUTUMN)).containsExactlyElementsOf(concat(AUTUMN_NIGHT, AUTUMN_MORNING));
    }

    @Test
    void theFinderItselfGivesTheSameSlots() {
        DoctorSchedule schedule = new DoctorSchedule(
                new DoctorId(doctor),
                List.of(sunday("00:00", "06:00"), sunday("08:00", "12:00")),
                List.of(),
                Busy.NONE);

        assertThat(pure(schedule, SPRING, 30)).containsExactlyElementsOf(concat(SPRING_NIGHT, SPRING_MORNING));
        assertThat(pure(schedule, AUTUMN, 30)).containsExactlyElementsOf(concat(AUTUMN_NIGHT, AUTUMN_MORNING));
    }

    @Test
    void slotsOnBothPassesOfTheRepeatedHourCanBeBookedAndRoundTrip() {
        clock.set(Instant.parse("2026-10-20T08:00:00Z"));

        for (String start : at(AUTUMN, "02:30+02:00", "02:30+01:00", "09:00+01:00")) {
            Api.Response booked = book(start);
            assertThat(booked.status()).as(start).isEqualTo(201);
            assertThat(booked.json().get("start").asString()).isEqualTo(start);
            assertThat(api.get("/api/appointments/" + booked.json().get("id").asString())
                            .json()
                            .get("start")
                            .asString())
                    .isEqualTo(start);
        }
        assertThat(slots(AUTUMN))
                .hasSize(19)
                .doesNotContainAnyElementsOf(at(AUTUMN, "02:30+02:00", "02:30+01:00", "09:00+01:00"))
                .containsAll(at(AUTUMN, "02:00+02:00", "02:00+01:00", "03:00+01:00"));
    }

    @Test
    void aSlotRightAfterTheSkippedHourCanBeBookedAndRoundTrips() {
        clock.set(Instant.parse("2027-03-20T09:00:00Z"));

        Api.Response booked = book(SPRING + "T03:00:00+02:00");

        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.json().get("start").asString()).isEqualTo(SPRING + "T03:00:00+02:00");
        assertThat(booked.json().get("end").asString()).isEqualTo(SPRING + "T03:30:00+02:00");
        assertThat(slots(SPRING)).hasSize(17).doesNotContain(SPRING + "T03:00:00+02:00");
    }

    @Test
    void anHourLongAppointmentAtHalfPastOneInSpringEndsAtHalfPastThree() {
        clock.set(Instant.parse("2027-03-20T09:00:00Z"));
        rows.appointment(
                patient,
                doctor,
                type,
                SPRING + "T01:30:00+01:00",
                SPRING + "T03:30:00+02:00",
                SPRING + "T03:30:00+02:00",
                false);

        assertThat(slots(SPRING))
                .containsExactlyElementsOf(concat(
                        at(
                                SPRING,
                                "00:00+01:00",
                                "00:30+01:00",
                                "01:00+01:00",
                                "03:30+02:00",
                                "04:00+02:00",
                                "04:30+02:00",
                                "05:00+02:00",
                                "05:30+02:00"),
                        SPRING_MORNING));
        assertThat(book(SPRING + "T03:00:00+02:00").status()).isEqualTo(409);
    }

    @Test
    void anAppointmentAtHalfPastOneInAutumnLeavesTheRepeatedHourFree() {
        clock.set(Instant.parse("2026-10-20T08:00:00Z"));
        assertThat(book(AUTUMN + "T01:30:00+02:00").status()).isEqualTo(201);

        List<String> night = new ArrayList<>(AUTUMN_NIGHT);
        night.remove(AUTUMN + "T01:30:00+02:00");
        assertThat(slots(AUTUMN)).containsExactlyElementsOf(concat(night, AUTUMN_MORNING));
    }

    @Test
    void aSpanEndingInTheSkippedHourEndsWhenTheClocksJump() {
        DoctorSchedule schedule = overridden(SPRING, "00:00", "02:30");

        assertThat(pure(schedule, SPRING, 30))
                .containsExactlyElementsOf(at(SPRING, "00:00+01:00", "00:30+01:00", "01:00+01:00", "01:30+01:00"));
    }

    @Test
    void aSpanStartingInTheSkippedHourStartsWhenTheClocksJump() {
        DoctorSchedule schedule = overridden(SPRING, "02:30", "04:00");

        assertThat(pure(schedule, SPRING, 30)).containsExactlyElementsOf(at(SPRING, "03:00+02:00", "03:30+02:00"));
    }

    @Test
    void aSpanEndingInTheRepeatedHourCoversOnlyClockTimesBeforeItsEnd() {
        DoctorSchedule schedule = overridden(AUTUMN, "00:00", "02:30");

        assertThat(pure(schedule, AUTUMN, 30))
                .containsExactlyElementsOf(at(
                        AUTUMN,
                        "00:00+02:00",
                        "00:30+02:00",
                        "01:00+02:00",
                        "01:30+02:00",
                        "02:00+02:00",
                        "02:00+01:00"));
    }

    @Test
    void aBreakInTheRepeatedHourHoldsOnBothPasses() {
        WeeklyShift night = new WeeklyShift(
                DayOfWeek.SUNDAY,
                LocalTime.parse("01:30"),
                LocalTime.parse("03:30"),
                null,
                null,
                List.of(new WeeklyShift.TimeSpan(LocalTime.parse("02:15"), LocalTime.parse("02:45"))));
        DoctorSchedule schedule = new DoctorSchedule(new DoctorId(doctor), List.of(night), List.of(), Busy.NONE);

        assertThat(pure(schedule, AUTUMN, 15))
                .containsExactlyElementsOf(at(
                        AUTUMN,
                        "01:30+02:00",
                        "01:45+02:00",
                        "02:00+02:00",
                        "02:45+02:00",
                        "02:00+01:00",
                        "02:45+01:00",
                        "03:00+01:00",
                        "03:15+01:00"));
    }

    private List<String> slots(String day) {
        return ScheduleRows.starts(api, "typeId=" + type + "&from=" + day + "&to=" + day + "&limit=500");
    }

    private Api.Response book(String start) {
        return api.post(
                "/api/appointments",
                Api.json(Map.of("patientId", patient, "typeId", type, "doctorId", doctor, "start", start)));
    }

    /** Slots of a 30-minute type with the pure finder, seen a week before {@code day}. */
    private static List<String> pure(DoctorSchedule schedule, String day, int gridMinutes) {
        LocalDate date = LocalDate.parse(day);
        SlotFinder finder = new SlotFinder(
                BERLIN,
                Duration.ofMinutes(gridMinutes),
                Duration.ofMinutes(gridMinutes),
                Duration.ofMinutes(gridMinutes),
                Duration.ZERO,
                90,
                date.minusDays(7).atStartOfDay(BERLIN).toInstant());
        return finder.find(List.of(schedule), ChairPool.NOT_NEEDED, date, date, null, 0).stream()
                .map(s -> s.start().atZone(BERLIN).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .toList();
    }

    private DoctorSchedule overridden(String day, String starts, String ends) {
        LocalDate date = LocalDate.parse(day);
        return new DoctorSchedule(
                new DoctorId(doctor),
                List.of(),
                List.of(new DateOverride(date, date, true, LocalTime.parse(starts), LocalTime.parse(ends))),
                Busy.NONE);
    }

    private static WeeklyShift sunday(String starts, String ends) {
        return new WeeklyShift(DayOfWeek.SUNDAY, LocalTime.parse(starts), LocalTime.parse(ends), null, null, List.of());
    }

    /** "2027-03-28" and "03:00+02:00" as the API writes it: "2027-03-28T03:00:00+02:00". */
    private static List<String> at(String day, String... timesWithOffset) {
        return Arrays.stream(timesWithOffset)
                .map(t -> day + "T" + t.substring(0, 5) + ":00" + t.substring(5))
                .toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
