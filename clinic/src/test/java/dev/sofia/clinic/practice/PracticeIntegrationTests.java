package dev.sofia.clinic.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;

@ClinicIntegrationTest
class PracticeIntegrationTests {

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Api api;

    @Autowired
    PracticeCatalog catalog;

    @BeforeEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void settingsAreReplacedWholeAndNumbersNormalised() {
        Map<String, Object> settings = Map.of(
                "name",
                "Praxis am Markt",
                "address",
                Map.of("street", "Markt 1", "postalCode", "04109", "city", "Leipzig", "country", "DE"),
                "phone",
                "0341 1234567",
                "timeZone",
                "Europe/Berlin",
                "languages",
                List.of("de", "en"),
                "transferMain",
                "0341 1234567",
                "transferEmergency",
                "+49 341 7654321",
                "slotIntervalMinutes",
                10,
                "holdTtlSeconds",
                120,
                "openingHours",
                List.of(
                        Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:00"),
                        Map.of("day", "MONDAY", "opens", "14:00", "closes", "18:00")));

        Api.Response put = api.put("/api/practice", Api.json(settings));

        assertThat(put.status()).isEqualTo(200);
        JsonNode practice = api.get("/api/practice").json();
        assertThat(practice.get("name").asString()).isEqualTo("Praxis am Markt");
        assertThat(practice.get("phone").asString()).isEqualTo("+493411234567");
        assertThat(practice.get("transferEmergency").asString()).isEqualTo("+493417654321");
        assertThat(practice.get("slotIntervalMinutes").asInt()).isEqualTo(10);
        assertThat(practice.get("openingHours").size()).isEqualTo(2);
    }

    @Test
    void callLimitsHaveDefaultsAndAreAlwaysReturned() {
        JsonNode practice = api.get("/api/practice").json();

        assertThat(practice.get("maxCallMinutes").asInt()).isEqualTo(15);
        assertThat(practice.get("maxConcurrentCalls").asInt()).isEqualTo(10);
        assertThat(catalog.practice().callLimits()).isEqualTo(CallLimits.DEFAULT);
        assertThat(catalog.callLimits()).isEqualTo(CallLimits.DEFAULT);
    }

    @Test
    void callLimitsAreSetAndALimitLeftOutKeepsItsValue() {
        Map<String, Object> both = settings();
        both.put("maxCallMinutes", 30);
        both.put("maxConcurrentCalls", 25);
        Api.Response put = api.put("/api/practice", Api.json(both));
        assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
        assertThat(put.json().get("maxCallMinutes").asInt()).isEqualTo(30);
        assertThat(put.json().get("maxConcurrentCalls").asInt()).isEqualTo(25);
        assertThat(catalog.callLimits()).isEqualTo(new CallLimits(Duration.ofMinutes(30), 25));

        // A client that does not know the limits changes the rest and keeps them.
        Map<String, Object> neither = settings();
        neither.put("name", "Praxis ohne Grenzen");
        assertThat(api.put("/api/practice", Api.json(neither)).status()).isEqualTo(200);
        JsonNode practice = api.get("/api/practice").json();
        assertThat(practice.get("name").asString()).isEqualTo("Praxis ohne Grenzen");
        assertThat(practice.get("maxCallMinutes").asInt()).isEqualTo(30);
        assertThat(practice.get("maxConcurrentCalls").asInt()).isEqualTo(25);

        // One of them: only that one changes; null counts as left out.
        Map<String, Object> one = settings();
        one.put("maxCallMinutes", 1);
        one.put("maxConcurrentCalls", null);
        assertThat(api.put("/api/practice", Api.json(one)).status()).isEqualTo(200);
        assertThat(catalog.callLimits()).isEqualTo(CallLimits.of(1, 25));
        Map<String, Object> other = settings();
        other.put("maxConcurrentCalls", 500);
        assertThat(api.put("/api/practice", Api.json(other)).status()).isEqualTo(200);
        assertThat(catalog.callLimits()).isEqualTo(CallLimits.of(1, 500));
        other.put("maxCallMinutes", 120);
        assertThat(api.put("/api/practice", Api.json(other)).status()).isEqualTo(200);
        assertThat(catalog.callLimits()).isEqualTo(CallLimits.of(120, 500));
    }

    @Test
    void callLimitsOutOfRangeAreRefusedNamingTheFieldAndChangeNothing() {
        JsonNode before = api.get("/api/practice").json();
        List<Object[]> bad = List.of(
                new Object[] {"maxCallMinutes", 0},
                new Object[] {"maxCallMinutes", 121},
                new Object[] {"maxCallMinutes", -5},
                new Object[] {"maxConcurrentCalls", 0},
                new Object[] {"maxConcurrentCalls", 501});
        for (Object[] field : bad) {
            Map<String, Object> body = settings();
            body.put("name", "Darf nicht gespeichert werden");
            body.put((String) field[0], field[1]);

            Api.Response response = api.put("/api/practice", Api.json(body));

            assertThat(response.status()).as(field[0] + "=" + field[1]).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Api.list(response.json().get("errors")))
                    .as(response.raw().body())
                    .extracting(e -> e.get("field").asString())
                    .containsExactly((String) field[0]);
        }
        Map<String, Object> both = settings();
        both.put("maxCallMinutes", 600);
        both.put("maxConcurrentCalls", 1000);
        assertThat(Api.list(api.put("/api/practice", Api.json(both)).json().get("errors")))
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("maxCallMinutes", "maxConcurrentCalls");
        Map<String, Object> notANumber = settings();
        notANumber.put("maxCallMinutes", "lang");
        assertThat(api.put("/api/practice", Api.json(notANumber)).status()).isEqualTo(400);

        assertThat(api.get("/api/practice").json()).isEqualTo(before);
        assertThat(fixtures.jdbc()
                        .sql("select max_call_minutes, max_concurrent_calls from practice")
                        .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
                        .single())
                .containsExactly(15, 10);
    }

    @Test
    void theDatabaseRefusesCallLimitsOutOfRangeToo() {
        for (String update : List.of(
                "update practice set max_call_minutes = 0",
                "update practice set max_call_minutes = 121",
                "update practice set max_concurrent_calls = 0",
                "update practice set max_concurrent_calls = 501")) {
            assertThatThrownBy(() -> fixtures.jdbc().sql(update).update())
                    .as(update)
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    /** Valid settings without the call limits, as a client from before them sends. */
    private static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", "Testpraxis");
        settings.put("address", Map.of("street", "", "postalCode", "", "city", "", "country", "DE"));
        settings.put("phone", "+4930901820");
        settings.put("timeZone", "Europe/Berlin");
        settings.put("languages", List.of("de"));
        settings.put("slotIntervalMinutes", 15);
        settings.put("holdTtlSeconds", 300);
        settings.put("openingHours", List.of());
        return settings;
    }

    @Test
    void theCatalogueListsDoctorsChairsAndTypes() {
        UUID doctor = fixtures.doctor("Dr. Katalog");
        UUID type = fixtures.type("kontrolle", 30, 5, doctor);

        JsonNode doctors = api.get("/api/doctors").json();
        JsonNode types = api.get("/api/appointment-types").json();

        assertThat(doctors.get(0).get("id").asString()).isEqualTo(doctor.toString());
        assertThat(doctors.get(0).get("role").asString()).isEqualTo("DENTIST");
        assertThat(types.get(0).get("id").asString()).isEqualTo(type.toString());
        assertThat(types.get(0).get("bufferMinutes").asInt()).isEqualTo(5);
        assertThat(types.get(0).get("doctorIds").get(0).asString()).isEqualTo(doctor.toString());
        assertThat(api.get("/api/chairs").json().size()).isZero();
    }
}
