package dev.sofia.clinic.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile and careless input against the HTTP API: every case is refused with a 4xx problem+json
 * that names the offending field, and not one row in any table changes. In the request tables
 * {@code {patient}}, {@code {type}} and {@code {doctor}} stand for the fixture's ids and
 * {@code {random}} for an id that exists nowhere.
 */
@ClinicIntegrationTest
class BadInputIntegrationTests {

    /** Monday 23 November 2026, 07:00 in Berlin; the test type's horizon ends on 21 February 2027. */
    static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

    static final String BOOKING =
            "{\"patientId\":\"{patient}\",\"typeId\":\"{type}\",\"start\":\"2026-11-24T09:00:00+01:00\"}";
    static final String PATIENT = "{\"firstName\":\"Erika\",\"lastName\":\"Muster\",\"dateOfBirth\":\"1980-02-03\"}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Api api;

    @Autowired
    TestClock clock;

    UUID doctor;
    UUID type;
    UUID patient;

    @BeforeEach
    void calendar() {
        clock.set(NOW);
        fixtures.reset();
        doctor = fixtures.doctor("Dr. Test");
        fixtures.everyDay(doctor, "08:00", "18:00");
        type = fixtures.type("kontrolle", 30, 0, doctor);
        patient = fixtures.patient("Bestand");
    }

    @Test
    void theUnspoiledRequestsAreAccepted() {
        assertThat(api.post("/api/appointments", fill(BOOKING)).status()).isEqualTo(201);
        assertThat(api.post("/api/patients", PATIENT).status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed booking JSON | /api/appointments | {"patientId":"{patient}", | 400 | body
            empty booking body     | /api/appointments | ''                        | 400 | body
            booking body not an object | /api/appointments | ["{patient}"]        | 400 | body
            start is a number      | /api/appointments | {"patientId":"{patient}","typeId":"{type}","start":5}            | 400 | start
            start is not a time    | /api/appointments | {"patientId":"{patient}","typeId":"{type}","start":"tomorrow"}   | 400 | start
            patientId not a UUID   | /api/appointments | {"patientId":"not-a-uuid","typeId":"{type}","start":"2026-11-24T09:00:00+01:00"} | 400 | patientId
            typeId missing         | /api/appointments | {"patientId":"{patient}","start":"2026-11-24T09:00:00+01:00"}    | 400 | typeId
            start missing          | /api/appointments | {"patientId":"{patient}","typeId":"{type}"}                     | 400 | start
            unknown patient        | /api/appointments | {"patientId":"{random}","typeId":"{type}","start":"2026-11-24T09:00:00+01:00"}  | 422 | patientId
            unknown type           | /api/appointments | {"patientId":"{patient}","typeId":"{random}","start":"2026-11-24T09:00:00+01:00"} | 422 | typeId
            unknown doctor         | /api/appointments | {"patientId":"{patient}","typeId":"{type}","doctorId":"{random}","start":"2026-11-24T09:00:00+01:00"} | 422 | doctorId
            start beyond horizon   | /api/appointments | {"patientId":"{patient}","typeId":"{type}","start":"2027-03-01T09:00:00+01:00"} | 400 | start
            start in the past      | /api/appointments | {"patientId":"{patient}","typeId":"{type}","start":"2026-11-20T09:00:00+01:00"} | 400 | start
            unknown source         | /api/appointments | {"patientId":"{patient}","typeId":"{type}","start":"2026-11-24T09:00:00+01:00","source":"fax"} | 400 | source
            unknown hold           | /api/appointments | {"patientId":"{patient}","typeId":"{type}","start":"2026-11-24T09:00:00+01:00","holdId":"{random}"} | 409 |
            reschedule unknown appointment | /api/appointments/{random}/reschedule | {"start":"2026-11-24T09:00:00+01:00"} | 404 |
            cancel unknown appointment | /api/appointments/{random}/cancel | {}                        | 404 |
            hold for unknown type  | /api/holds        | {"typeId":"{random}","start":"2026-11-24T09:00:00+01:00"}       | 422 | typeId
            malformed patient JSON | /api/patients     | {"firstName":"Erika"                                             | 400 | body
            phone too short        | /api/patients     | {"firstName":"Erika","lastName":"Muster","dateOfBirth":"1980-02-03","phone":"12"} | 400 | phone
            phone with letters     | /api/patients     | {"firstName":"Erika","lastName":"Muster","dateOfBirth":"1980-02-03","phone":"+49 abc"} | 400 | phone
            phone in no country    | /api/patients     | {"firstName":"Erika","lastName":"Muster","dateOfBirth":"1980-02-03","phone":"+999999999999999"} | 400 | phone
            e-mail without domain  | /api/patients     | {"firstName":"Erika","lastName":"Muster","dateOfBirth":"1980-02-03","email":"erika@"} | 400 | email
            born in the future     | /api/patients     | {"firstName":"Erika","lastName":"Muster","dateOfBirth":"2030-01-01"} | 400 | dateOfBirth
            birth date not ISO     | /api/patients     | {"firstName":"Erika","lastName":"Muster","dateOfBirth":"03.02.1980"} | 400 | dateOfBirth
            last name missing      | /api/patients     | {"firstName":"Erika","dateOfBirth":"1980-02-03"}                 | 400 | lastName
            unknown language       | /api/patients     | {"firstName":"Erika","lastName":"Muster","dateOfBirth":"1980-02-03","preferredLanguage":"fr"} | 400 | preferredLanguage
            """)
    void aBadPostIsRefusedAndChangesNothing(String name, String path, String body, int status, String field) {
        Map<String, Integer> before = counts();

        Api.Response response = api.post(fill(path), fill(body));

        assertProblem(response, status, field);
        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown appointment          | /api/appointments/{random}                                      | 404 |
            appointment id not a UUID    | /api/appointments/not-a-uuid                                    | 400 | id
            appointments to before from  | /api/appointments?from=2026-11-30&to=2026-11-01                 | 400 | to
            unknown patient              | /api/patients/{random}                                          | 404 |
            patient phone not a number   | /api/patients?phone=xyz                                         | 400 | phone
            patient search without terms | /api/patients                                                   | 400 | phone
            availability to before from  | /api/availability?typeId={type}&from=2026-11-30&to=2026-11-25   | 400 | to
            availability beyond horizon  | /api/availability?typeId={type}&from=2027-03-01                 | 400 | from
            availability at night        | /api/availability?typeId={type}&partOfDay=night                 | 400 | partOfDay
            availability typeId not UUID | /api/availability?typeId=abc                                    | 400 | typeId
            availability without typeId  | /api/availability?from=2026-11-24                               | 400 | typeId
            availability unknown type    | /api/availability?typeId={random}                               | 422 | typeId
            availability unknown doctor  | /api/availability?typeId={type}&doctorId={random}               | 422 | doctorId
            availability from not a date | /api/availability?typeId={type}&from=2026-13-01                 | 400 | from
            availability limit zero      | /api/availability?typeId={type}&limit=0                         | 400 | limit
            """)
    void aBadGetIsRefusedAndChangesNothing(String name, String path, int status, String field) {
        Map<String, Integer> before = counts();

        Api.Response response = api.get(fill(path));

        assertProblem(response, status, field);
        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "practice {0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            timeZone     | "Mars/Olympus_Mons" | timeZone
            transferMain | "12345"             | transferMain
            languages    | ["fr"]              | languages[0]
            languages    | []                  | languages
            phone        | "+49 abc"           | phone
            maxCallMinutes     | 0             | maxCallMinutes
            maxCallMinutes     | 121           | maxCallMinutes
            maxConcurrentCalls | 0             | maxConcurrentCalls
            maxConcurrentCalls | 501           | maxConcurrentCalls
            """)
    void aBadPracticeUpdateLeavesThePracticeAsItWas(String property, String value, String field) {
        String practice = api.get("/api/practice").raw().body();
        Map<String, Integer> before = counts();
        ObjectNode changed = (ObjectNode) JSON.readTree(practice);
        changed.set(property, JSON.readTree(value));

        Api.Response response = api.put("/api/practice", changed.toString());

        assertProblem(response, 400, field);
        assertThat(api.get("/api/practice").raw().body()).isEqualTo(practice);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aBookingWithTooLongNotesIsRefused() {
        Map<String, Integer> before = counts();
        ObjectNode booking = (ObjectNode) JSON.readTree(fill(BOOKING));
        booking.put("notes", "x".repeat(2001));

        assertProblem(api.post("/api/appointments", booking.toString()), 400, "notes");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void confirmingACancelledAppointmentIsRefusedWithAWellFormedProblem() {
        String id =
                api.post("/api/appointments", fill(BOOKING)).json().get("id").asString();
        api.post("/api/appointments/" + id + "/cancel", "{\"reason\":\"ill\"}");
        Map<String, Integer> before = counts();

        Api.Response response = api.post("/api/appointments/" + id + "/confirm", "");

        // The current status must not shadow the problem's own numeric "status" member.
        assertProblem(response, 409, null);
        assertThat(response.json().get("currentStatus").asString()).isEqualTo("cancelled");
        assertThat(api.get("/api/appointments/" + id).json().get("status").asString())
                .isEqualTo("cancelled");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyWithContentLengthIsRefusedBeforeItIsRead() {
        Map<String, Integer> before = counts();

        Api.Response response = api.post("/api/patients", oversizedPatient());

        assertProblem(response, 413, "body");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/body-too-large");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWhileItIsRead() {
        Map<String, Integer> before = counts();
        byte[] body = oversizedPatient().getBytes(StandardCharsets.UTF_8);
        // A publisher of unknown length makes the client send Transfer-Encoding: chunked.
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/patients"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        Api.Response response = api.send(request);

        assertProblem(response, 413, "body");
        assertThat(counts()).isEqualTo(before);
    }

    /** Valid JSON for a patient, but about 100 KB of it. */
    private static String oversizedPatient() {
        ObjectNode patient = (ObjectNode) JSON.readTree(PATIENT);
        patient.put("notes", "x".repeat(100 * 1024));
        return patient.toString();
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(Api.list(problem.path("errors")))
                    .as(response.raw().body())
                    .extracting(error -> error.get("field").asString())
                    .contains(field);
        }
    }

    private String fill(String template) {
        return template.replace("{patient}", patient.toString())
                .replace("{type}", type.toString())
                .replace("{doctor}", doctor.toString())
                .replace("{random}", UUID.randomUUID().toString());
    }

    /** Rows in every table of the calendar. */
    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Arrays.stream(CalendarFixtures.TABLES.split(","))
                .map(String::strip)
                .forEach(table -> counts.put(table, fixtures.count(table)));
        return counts;
    }
}
