package dev.sofia.clinic.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.calls.TranscriptLine.Speaker;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A call's record over HTTP: patient, outcome and summary on the call, and its transcript. */
@ClinicIntegrationTest
class CallRecordsHttpIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    CallSessions sessions;

    @Autowired
    CallRecords records;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        fixtures.reset();
    }

    @Test
    void aCallShowsItsPatientOutcomeAndSummaryAndItsTranscriptInOrder() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID call = sessions.openWebSession("web-" + UUID.randomUUID(), null, "caller-h", "de", null)
                .id();
        UUID patient = fixtures.patient("Muster");
        records.recordPatient(call, patient);
        records.appendTranscript(call, Speaker.AGENT, "Guten Tag, hier ist Sofia.", t);
        records.appendTranscript(call, Speaker.CALLER, "Ich möchte einen Termin.", t.plusSeconds(2));
        records.recordOutcome(call, CallOutcome.BOOKED, "Kontrolle gebucht.");

        JsonNode view = api.get("/api/calls/" + call).json();
        assertThat(view.get("patientId").asString()).isEqualTo(patient.toString());
        assertThat(view.get("outcome").asString()).isEqualTo("booked");
        assertThat(view.get("summary").asString()).isEqualTo("Kontrolle gebucht.");
        assertThat(Api.list(api.get("/api/calls").json().get("calls")))
                .singleElement()
                .satisfies(c -> assertThat(c.get("outcome").asString()).isEqualTo("booked"));

        Api.Response transcript = api.get("/api/calls/" + call + "/transcript");

        assertThat(transcript.status()).isEqualTo(200);
        assertThat(Api.list(transcript.json()))
                .extracting(
                        line -> line.get("seq").asInt(),
                        line -> line.get("speaker").asString(),
                        line -> line.get("text").asString(),
                        line -> Instant.parse(line.get("spokenAt").asString()))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "agent", "Guten Tag, hier ist Sofia.", t),
                        org.assertj.core.groups.Tuple.tuple(2, "caller", "Ich möchte einen Termin.", t.plusSeconds(2)));
    }

    @Test
    void aCallWithoutRecordsHasNoneOfTheFieldsAndAnEmptyTranscript() {
        UUID call = sessions.openWebSession("web-" + UUID.randomUUID(), null, "caller-e", "de", null)
                .id();

        JsonNode view = api.get("/api/calls/" + call).json();
        assertThat(view.has("outcome")).isFalse();
        assertThat(view.has("summary")).isFalse();
        assertThat(view.has("patientId")).isFalse();
        assertThat(api.get("/api/calls/" + call + "/transcript").json().isEmpty())
                .isTrue();
    }

    @Test
    void thePurgeCounterIsExportedToPrometheus() {
        Api.Response metrics = api.get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("sofia_calls_transcripts_purged_total");
    }

    @Test
    void theTranscriptOfAnUnknownCallIsNotFound() {
        Api.Response response = api.get("/api/calls/" + UUID.randomUUID() + "/transcript");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/not-found");

        Api.Response malformed = api.get("/api/calls/not-a-uuid/transcript");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString())
                .isEqualTo("id");
    }
}
