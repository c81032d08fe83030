package dev.sofia.clinic.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ClinicIntegrationTest
class PracticeIntegrationTests {

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Api api;

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
