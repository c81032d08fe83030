package dev.sofia.clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ClinicIntegrationTest
class BookingIntegrationTests {

    /** Monday 23 November 2026, 07:00 in Berlin. */
    static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

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
        patient = fixtures.patient("Muster");
    }

    @Test
    void fiftyConcurrentBookingsOfOneSlotGiveExactlyOneAppointment() throws Exception {
        int clients = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return book("2026-11-24T09:00:00+01:00").status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(clients - 1);
        }
        assertThat(fixtures.count("appointments")).isEqualTo(1);
    }

    @Test
    void anOverlapByOneMinuteConflictsButBackToBackFits() {
        assertThat(book("2026-11-24T09:00:00+01:00").status()).isEqualTo(201);

        Api.Response overlapping = book("2026-11-24T09:29:00+01:00");
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.header("Content-Type")).startsWith("application/problem+json");
        assertThat(overlapping.json().get("reason").asString()).isEqualTo("taken");

        assertThat(book("2026-11-24T09:30:00+01:00").status()).isEqualTo(201);
        assertThat(fixtures.count("appointments")).isEqualTo(2);
    }

    @Test
    void aConflictOffersTheNextFreeAlternatives() {
        book("2026-11-24T09:00:00+01:00");
        JsonNode problem = book("2026-11-24T09:00:00+01:00").json();
        List<String> alternatives = Api.list(problem.get("alternatives")).stream()
                .map(slot -> slot.get("start").asString())
                .toList();
        assertThat(alternatives).hasSize(3).doesNotContain("2026-11-24T09:00:00+01:00", "2026-11-24T09:15:00+01:00");
    }

    @Test
    void theDatabaseRejectsOverlapsEvenWhenTheApplicationIsBypassed() {
        book("2026-11-24T09:00:00+01:00");
        var insert = fixtures.jdbc().sql("""
                        insert into appointments (id, patient_id, doctor_id, type_id, starts_at, ends_at, blocked_until, source)
                        values (gen_random_uuid(), ?, ?, ?, '2026-11-24T08:15:00Z', '2026-11-24T08:45:00Z', '2026-11-24T08:45:00Z', 'staff')
                        """).params(patient, doctor, type);
        org.assertj.core.api.Assertions.assertThatThrownBy(insert::update)
                .hasMessageContaining("appointments_no_doctor_overlap");
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheSameAppointment() {
        Api.Response first = book("2026-11-24T10:00:00+01:00", "Idempotency-Key", "call-42-booking-1");
        Api.Response retry = book("2026-11-24T10:00:00+01:00", "Idempotency-Key", "call-42-booking-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(fixtures.count("appointments")).isEqualTo(1);

        Api.Response reused = book("2026-11-24T11:00:00+01:00", "Idempotency-Key", "call-42-booking-1");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(fixtures.count("appointments")).isEqualTo(1);
    }

    @Test
    void aCancelledSlotCanBeBookedAgain() {
        String id = book("2026-11-24T09:00:00+01:00").json().get("id").asString();
        Api.Response cancelled = api.post("/api/appointments/" + id + "/cancel", "{\"reason\":\"Patient ill\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");

        assertThat(book("2026-11-24T09:00:00+01:00").status()).isEqualTo(201);
    }

    @Test
    void statusTransitionsAreGuarded() {
        String id = book("2026-11-24T09:00:00+01:00").json().get("id").asString();
        assertThat(api.post("/api/appointments/" + id + "/confirm", "").status())
                .isEqualTo(200);
        assertThat(api.post("/api/appointments/" + id + "/cancel", "{}").status())
                .isEqualTo(200);

        Api.Response again = api.post("/api/appointments/" + id + "/confirm", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/illegal-transition");
    }

    @Test
    void reschedulingCancelsTheOldAndLinksTheNew() {
        String id = book("2026-11-24T09:00:00+01:00").json().get("id").asString();
        Api.Response moved = api.post(
                "/api/appointments/" + id + "/reschedule", Api.json(Map.of("start", "2026-11-25T14:00:00+01:00")));

        assertThat(moved.status()).isEqualTo(201);
        assertThat(moved.json().get("rescheduledFrom").asString()).isEqualTo(id);
        assertThat(moved.json().get("start").asString()).isEqualTo("2026-11-25T14:00:00+01:00");
        JsonNode old = api.get("/api/appointments/" + id).json();
        assertThat(old.get("status").asString()).isEqualTo("cancelled");
        assertThat(old.get("cancellationReason").asString()).isEqualTo("rescheduled");
    }

    @Test
    void aFailedRescheduleChangesNothing() {
        String first = book("2026-11-24T09:00:00+01:00").json().get("id").asString();
        book("2026-11-24T10:00:00+01:00");
        Api.Response moved = api.post(
                "/api/appointments/" + first + "/reschedule", Api.json(Map.of("start", "2026-11-24T10:00:00+01:00")));

        assertThat(moved.status()).isEqualTo(409);
        assertThat(api.get("/api/appointments/" + first).json().get("status").asString())
                .isEqualTo("booked");
        assertThat(fixtures.count("appointments")).isEqualTo(2);
    }

    @Test
    void aHoldKeepsTheSlotForItsHolderOnly() {
        Api.Response hold = api.post(
                "/api/holds",
                Api.json(Map.of("typeId", type, "doctorId", doctor, "start", "2026-11-24T09:00:00+01:00")));
        assertThat(hold.status()).isEqualTo(201);
        assertThat(hold.json().get("expiresAt").asString()).isEqualTo("2026-11-23T07:05:00+01:00");

        assertThat(book("2026-11-24T09:00:00+01:00").status()).isEqualTo(409);
        Api.Response withHold = api.post(
                "/api/appointments",
                Api.json(Map.of(
                        "patientId", patient,
                        "typeId", type,
                        "doctorId", doctor,
                        "start", "2026-11-24T09:00:00+01:00",
                        "holdId", hold.json().get("id").asString())));
        assertThat(withHold.status()).isEqualTo(201);
        assertThat(fixtures.count("slot_holds")).isZero();
    }

    @Test
    void anExpiredHoldNoLongerBlocks() {
        api.post(
                "/api/holds",
                Api.json(Map.of("typeId", type, "doctorId", doctor, "start", "2026-11-24T09:00:00+01:00")));
        clock.set(NOW.plusSeconds(301));
        assertThat(book("2026-11-24T09:00:00+01:00").status()).isEqualTo(201);
    }

    private Api.Response book(String start, String... headers) {
        return api.post(
                "/api/appointments",
                Api.json(Map.of(
                        "patientId", patient, "typeId", type, "doctorId", doctor, "start", start, "source", "phone")),
                headers);
    }
}
