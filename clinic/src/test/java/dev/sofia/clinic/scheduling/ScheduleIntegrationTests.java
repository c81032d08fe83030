package dev.sofia.clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClinicIntegrationTest
class ScheduleIntegrationTests {

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Api api;

    @Autowired
    TestClock clock;

    UUID doctor;
    UUID type;

    @BeforeEach
    void calendar() {
        clock.set(Instant.parse("2026-11-23T06:00:00Z"));
        fixtures.reset();
        doctor = fixtures.doctor("Dr. Plan");
        type = fixtures.type("kontrolle", 30, 0, doctor);
    }

    @Test
    void weeklyShiftsWithBreaksAreReplacedAndShapeAvailability() {
        Api.Response put = api.put(
                "/api/doctors/" + doctor + "/shifts",
                Api.json(List.of(Map.of(
                        "day", "TUESDAY",
                        "starts", "08:00",
                        "ends", "10:00",
                        "breaks", List.of(Map.of("starts", "09:00", "ends", "09:30"))))));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get(0).get("breaks").size()).isEqualTo(1);

        List<String> starts = slotStarts("2026-11-24");
        assertThat(starts)
                .containsExactly(
                        "2026-11-24T08:00:00+01:00",
                        "2026-11-24T08:15:00+01:00",
                        "2026-11-24T08:30:00+01:00",
                        "2026-11-24T09:30:00+01:00");
    }

    @Test
    void aShiftWithABreakOutsideItIsRefusedAndNothingChanges() {
        fixtures.shift(doctor, java.time.DayOfWeek.TUESDAY, "08:00", "12:00");
        Api.Response put = api.put(
                "/api/doctors/" + doctor + "/shifts",
                Api.json(List.of(Map.of(
                        "day", "TUESDAY",
                        "starts", "08:00",
                        "ends", "10:00",
                        "breaks", List.of(Map.of("starts", "11:00", "ends", "11:30"))))));
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().get("errors").get(0).get("field").asString()).isEqualTo("shifts[0].breaks[0]");
        assertThat(api.get("/api/doctors/" + doctor + "/shifts")
                        .json()
                        .get(0)
                        .get("ends")
                        .asString())
                .isEqualTo("12:00:00");
    }

    @Test
    void aVacationOverrideRemovesTheDaysSlotsAndCanBeUndone() {
        fixtures.everyDay(doctor, "08:00", "12:00");
        Api.Response vacation = api.post(
                "/api/doctors/" + doctor + "/overrides",
                Api.json(Map.of(
                        "firstDay", "2026-11-24", "lastDay", "2026-11-25", "available", false, "note", "Urlaub")));
        assertThat(vacation.status()).isEqualTo(201);
        assertThat(slotStarts("2026-11-24")).isEmpty();

        assertThat(api.delete("/api/overrides/" + vacation.json().get("id").asString())
                        .status())
                .isEqualTo(204);
        assertThat(slotStarts("2026-11-24")).hasSize(15);
    }

    @Test
    void aPracticeWideBlockoutRemovesSlotsForItsTime() {
        fixtures.everyDay(doctor, "08:00", "12:00");
        Api.Response blockout = api.post(
                "/api/blockouts",
                Api.json(Map.of(
                        "start",
                        "2026-11-24T08:00:00+01:00",
                        "end",
                        "2026-11-24T11:00:00+01:00",
                        "reason",
                        "Team meeting")));
        assertThat(blockout.status()).isEqualTo(201);
        assertThat(slotStarts("2026-11-24")).first().isEqualTo("2026-11-24T11:00:00+01:00");

        assertThat(api.get("/api/blockouts?from=2026-11-24&to=2026-11-24")
                        .json()
                        .size())
                .isEqualTo(1);
        assertThat(api.delete("/api/blockouts/" + blockout.json().get("id").asString())
                        .status())
                .isEqualTo(204);
        assertThat(slotStarts("2026-11-24")).first().isEqualTo("2026-11-24T08:00:00+01:00");
    }

    private List<String> slotStarts(String date) {
        var body = api.get("/api/availability?typeId=" + type + "&from=" + date + "&to=" + date + "&limit=500")
                .json();
        return Api.list(body.get("slots")).stream()
                .map(s -> s.get("start").asString())
                .toList();
    }
}
