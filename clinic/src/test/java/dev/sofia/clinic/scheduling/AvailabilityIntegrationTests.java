package dev.sofia.clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/availability} over a real database: every source of busy or free time. */
@ClinicIntegrationTest
class AvailabilityIntegrationTests {

    /** Monday 23 November 2026, 07:00 in Berlin. */
    static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

    static final String TUESDAY = "2026-11-24";

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Api api;

    @Autowired
    TestClock clock;

    ScheduleRows rows;
    UUID anna;
    UUID boris;
    UUID type;
    UUID patient;

    @BeforeEach
    void calendar() {
        clock.set(NOW);
        fixtures.reset();
        rows = new ScheduleRows(fixtures);
        anna = fixtures.doctor("Dr. Anna");
        boris = fixtures.doctor("Dr. Boris");
        type = fixtures.type("kontrolle", 30, 0, anna, boris);
        patient = fixtures.patient("Muster");
    }

    @Test
    void breaksAreExcluded() {
        UUID shift = fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "10:00");
        fixtures.shiftBreak(shift, "08:45", "09:15");

        assertThat(starts(TUESDAY, TUESDAY, "")).containsExactly(at("08:00"), at("08:15"), at("09:15"), at("09:30"));
    }

    @Test
    void aVacationLeavesNoSlotsOnItsDays() {
        fixtures.everyDay(anna, "08:00", "09:00");
        rows.dayOff(anna, "2026-11-24", "2026-11-25");

        assertThat(starts("2026-11-23", "2026-11-26", ""))
                .containsExactly(
                        "2026-11-23T08:00:00+01:00",
                        "2026-11-23T08:15:00+01:00",
                        "2026-11-23T08:30:00+01:00",
                        "2026-11-26T08:00:00+01:00",
                        "2026-11-26T08:15:00+01:00",
                        "2026-11-26T08:30:00+01:00");
    }

    @Test
    void anExtraDayGivesSlotsWithoutAWeeklyShift() {
        rows.override(anna, "2026-11-28", "2026-11-28", "09:00", "10:00");

        assertThat(starts("2026-11-23", "2026-11-29", ""))
                .containsExactly("2026-11-28T09:00:00+01:00", "2026-11-28T09:15:00+01:00", "2026-11-28T09:30:00+01:00");
    }

    @Test
    void aPracticeWideBlockoutRemovesSlotsOfEveryDoctor() {
        fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "10:00");
        fixtures.shift(boris, DayOfWeek.TUESDAY, "08:00", "10:00");
        rows.blockout(null, null, at("08:00"), at("09:00"));

        assertThat(slots(TUESDAY, ""))
                .extracting(s -> time(s) + " " + doctorName(s))
                .containsExactly("09:00 Anna", "09:00 Boris", "09:15 Anna", "09:15 Boris", "09:30 Anna", "09:30 Boris");
    }

    @Test
    void aDoctorsBlockoutRemovesOnlyThatDoctorsSlots() {
        fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "09:00");
        fixtures.shift(boris, DayOfWeek.TUESDAY, "08:00", "09:30");
        rows.blockout(boris, null, at("08:00"), at("08:40"));

        assertThat(slots(TUESDAY, ""))
                .extracting(s -> time(s) + " " + doctorName(s))
                .containsExactly("08:00 Anna", "08:15 Anna", "08:30 Anna", "08:45 Boris", "09:00 Boris");
    }

    @Test
    void theMinimumNoticeIsRespected() {
        fixtures.everyDay(anna, "07:00", "12:00");
        rows.notice(type, 125); // from 07:00: not before 09:05, so 09:15 is first

        assertThat(starts("2026-11-23", "2026-11-23", "").getFirst()).isEqualTo("2026-11-23T09:15:00+01:00");
    }

    @Test
    void theHorizonCapsTheSearch() {
        fixtures.everyDay(anna, "08:00", "08:30");
        rows.horizon(type, 3);

        assertThat(starts("2026-11-23", "2026-12-20", ""))
                .containsExactly(
                        "2026-11-23T08:00:00+01:00",
                        "2026-11-24T08:00:00+01:00",
                        "2026-11-25T08:00:00+01:00",
                        "2026-11-26T08:00:00+01:00");
        assertThat(api.get("/api/availability?typeId=" + type + "&from=2026-11-27")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anAppointmentsBufferBlocksTheFollowingSlot() {
        fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "11:00");
        UUID cleaning = fixtures.type("reinigung", 30, 15, anna);
        assertThat(book(cleaning, anna, at("09:00")).status()).isEqualTo(201); // busy until 09:45

        assertThat(starts(TUESDAY, TUESDAY, ""))
                .contains(at("08:30"), at("09:45"))
                .doesNotContain(at("08:45"), at("09:00"), at("09:15"), at("09:30"));
    }

    @Test
    void aLiveHoldBlocksUntilItExpires() {
        fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "10:00");
        assertThat(hold(at("09:00")).status()).isEqualTo(201);

        assertThat(starts(TUESDAY, TUESDAY, "")).doesNotContain(at("08:45"), at("09:00"), at("09:15"));
        assertThat(book(type, anna, at("09:00")).status()).isEqualTo(409);

        clock.set(NOW.plusSeconds(301));
        assertThat(starts(TUESDAY, TUESDAY, "")).contains(at("08:45"), at("09:00"), at("09:15"));
    }

    @Test
    void aHoldExpiresByTheApplicationClockNotTheDatabaseClock() {
        clock.set(Instant.parse("2020-01-06T06:00:00Z")); // long before the database's own now()
        fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "10:00");
        assertThat(hold("2020-01-07T09:00:00+01:00").status()).isEqualTo(201);

        assertThat(book(type, anna, "2020-01-07T09:00:00+01:00").status()).isEqualTo(409);
    }

    @Test
    void aCancelledAppointmentDoesNotBlockButABookedOneDoes() {
        fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "10:00");
        rows.appointment(patient, anna, type, at("08:00"), at("08:30"), at("08:30"), true);
        rows.appointment(patient, anna, type, at("09:00"), at("09:30"), at("09:30"), false);

        assertThat(starts(TUESDAY, TUESDAY, "")).containsExactly(at("08:00"), at("08:15"), at("08:30"), at("09:30"));
    }

    @Test
    void theDoctorFilterGivesOnlyThatDoctor() {
        fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "09:00");
        fixtures.shift(boris, DayOfWeek.TUESDAY, "08:30", "09:30");

        assertThat(slots(TUESDAY, "&doctorId=" + boris))
                .extracting(s -> time(s) + " " + doctorName(s))
                .containsExactly("08:30 Boris", "08:45 Boris", "09:00 Boris");
        assertThat(slots(TUESDAY, ""))
                .extracting(s -> time(s) + " " + doctorName(s))
                .containsExactly("08:00 Anna", "08:15 Anna", "08:30 Anna", "08:30 Boris", "08:45 Boris", "09:00 Boris");
    }

    @Test
    void morningMeansAStartBeforeNoon() {
        fixtures.shift(anna, DayOfWeek.TUESDAY, "10:30", "14:00");

        assertThat(starts(TUESDAY, TUESDAY, "&partOfDay=morning"))
                .containsExactly(at("10:30"), at("10:45"), at("11:00"), at("11:15"), at("11:30"), at("11:45"));
    }

    @Test
    void theLimitKeepsTheEarliestSlots() {
        fixtures.everyDay(anna, "08:00", "18:00");

        assertThat(starts(TUESDAY, "2026-11-30", "&limit=3")).containsExactly(at("08:00"), at("08:15"), at("08:30"));
    }

    @Test
    void withOneChairOneSlotIsOfferedPerTime() {
        fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "09:00");
        fixtures.shift(boris, DayOfWeek.TUESDAY, "08:00", "09:00");
        UUID prophylaxis = fixtures.type("prophylaxe", 30, 0, anna, boris);
        UUID chair = rows.chair("Prophylaxe", prophylaxis);

        List<JsonNode> slots = ScheduleRows.slots(api, "typeId=" + prophylaxis + "&from=" + TUESDAY + "&to=" + TUESDAY);
        assertThat(slots).extracting(this::time).containsExactly("08:00", "08:15", "08:30");
        assertThat(slots)
                .allSatisfy(s -> assertThat(s.get("chairId").asString()).isEqualTo(chair.toString()));

        assertThat(book(prophylaxis, anna, at("08:00")).status()).isEqualTo(201);
        assertThat(book(prophylaxis, boris, at("08:15")).status()).isEqualTo(409); // the chair is busy
        assertThat(ScheduleRows.starts(api, "typeId=" + prophylaxis + "&from=" + TUESDAY + "&to=" + TUESDAY))
                .containsExactly(at("08:30"));
    }

    @Test
    void aChairBlockoutLeavesNoSlotForATypeNeedingIt() {
        fixtures.shift(anna, DayOfWeek.TUESDAY, "08:00", "09:00");
        UUID prophylaxis = fixtures.type("prophylaxe", 30, 0, anna);
        UUID chair = rows.chair("Prophylaxe", prophylaxis);
        rows.blockout(null, chair, at("07:00"), at("12:00"));

        assertThat(ScheduleRows.starts(api, "typeId=" + prophylaxis + "&from=" + TUESDAY + "&to=" + TUESDAY))
                .isEmpty();
        assertThat(starts(TUESDAY, TUESDAY, "")).hasSize(3); // a type without a chair is not affected
    }

    private List<String> starts(String from, String to, String more) {
        return ScheduleRows.starts(api, "typeId=" + type + "&from=" + from + "&to=" + to + more);
    }

    private List<JsonNode> slots(String day, String more) {
        return ScheduleRows.slots(api, "typeId=" + type + "&from=" + day + "&to=" + day + more);
    }

    private Api.Response book(UUID bookedType, UUID doctor, String start) {
        return api.post(
                "/api/appointments",
                Api.json(Map.of("patientId", patient, "typeId", bookedType, "doctorId", doctor, "start", start)));
    }

    private Api.Response hold(String start) {
        return api.post("/api/holds", Api.json(Map.of("typeId", type, "doctorId", anna, "start", start)));
    }

    private String doctorName(JsonNode slot) {
        return slot.get("doctorId").asString().equals(anna.toString()) ? "Anna" : "Boris";
    }

    private String time(JsonNode slot) {
        return slot.get("start").asString().substring(11, 16);
    }

    /** A time on {@link #TUESDAY} as the API writes it. */
    private static String at(String time) {
        return TUESDAY + "T" + time + ":00+01:00";
    }
}
