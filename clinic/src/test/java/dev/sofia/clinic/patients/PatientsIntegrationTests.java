package dev.sofia.clinic.patients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ClinicIntegrationTest
class PatientsIntegrationTests {

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Api api;

    @BeforeEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void aRegisteredPatientIsStoredWithAnE164Number() {
        Api.Response created = api.post("/api/patients", Api.json(erika("0151 1234 5678")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("phone").asString()).isEqualTo("+4915112345678");
        assertThat(body.get("insurance").asString()).isEqualTo("PRIVATE");
        assertThat(created.header("Location"))
                .isEqualTo("/api/patients/" + body.get("id").asString());

        JsonNode read = api.get("/api/patients/" + body.get("id").asString()).json();
        assertThat(read.get("lastName").asString()).isEqualTo("Musterfrau");
        assertThat(read.get("dateOfBirth").asString()).isEqualTo("1975-09-02");
        assertThat(read.get("consent").get("sms").asBoolean()).isTrue();
    }

    @Test
    void callersAreFoundByPhoneInAnyNotation() {
        api.post("/api/patients", Api.json(erika("+49 151 12345678")));

        JsonNode found = api.get("/api/patients?phone=0151%2F12345678").json();

        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("firstName").asString()).isEqualTo("Erika");
        assertThat(api.get("/api/patients?phone=%2B4915199999999").json().size())
                .isZero();
    }

    @Test
    void patientsAreFoundByNameAndDateOfBirthIgnoringCase() {
        api.post("/api/patients", Api.json(erika(null)));

        assertThat(api.get("/api/patients?lastName=MUSTERFRAU&dateOfBirth=1975-09-02")
                        .json()
                        .size())
                .isEqualTo(1);
        assertThat(api.get("/api/patients?lastName=musterfrau&firstName=erika&dateOfBirth=1975-09-02")
                        .json()
                        .size())
                .isEqualTo(1);
        assertThat(api.get("/api/patients?lastName=Musterfrau&dateOfBirth=1975-09-03")
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void anUpdateReplacesTheDataAndAnUnknownIdIs404() {
        String id = api.post("/api/patients", Api.json(erika(null)))
                .json()
                .get("id")
                .asString();
        Map<String, Object> changed = new java.util.HashMap<>(erika("+4930123456"));
        changed.put("lastName", "Beispiel");

        Api.Response updated = api.put("/api/patients/" + id, Api.json(changed));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(api.get("/api/patients/" + id).json().get("lastName").asString())
                .isEqualTo("Beispiel");
        assertThat(api.get("/api/patients/" + id).json().get("phone").asString())
                .isEqualTo("+4930123456");
        assertThat(api.put("/api/patients/" + UUID.randomUUID(), Api.json(changed))
                        .status())
                .isEqualTo(404);
        assertThat(fixtures.count("patients")).isEqualTo(1);
    }

    private static Map<String, Object> erika(String phone) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "firstName", "Erika",
                "lastName", "Musterfrau",
                "dateOfBirth", "1975-09-02",
                "preferredLanguage", "de",
                "insurance", "PRIVATE",
                "consent", Map.of("sms", true, "email", false, "callRecording", false)));
        if (phone != null) {
            body.put("phone", phone);
        }
        return body;
    }
}
