package dev.sofia.clinic.receptionist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sofia.agents.livekit.testing.PythonPeer;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.calls.CallRecords;
import dev.sofia.clinic.calls.CallSession;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.calls.TranscriptLine;
import dev.sofia.clinic.demo.DemoSeed;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The whole web path with real parts: {@code POST /api/sofia/connect} opens a room on the app's
 * local livekit-server and dispatches Sofia; the app's own agent worker joins; an independent
 * caller (the official LiveKit Python SDK) types over {@code lk.chat} and reads Sofia's answers on
 * {@code lk.transcription}; with the embedded defaults (the offline dialog engine, espeak-ng's
 * voice) she books a check-up — in the database with source web, and the call session has the
 * patient, the outcome booked and the transcript of both sides.
 */
@ClinicIntegrationTest
class ReceptionistLiveKitIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    CallSessions callSessions;

    @Autowired
    CallRecords records;

    @BeforeEach
    void seedTheDemoPracticeOnTheRealClock() {
        // real time: LiveKit checks the caller token's expiry against its own clock
        clock.reset();
        fixtures.empty();
        new DemoSeed(fixtures.jdbc(), clock, ZoneId.of("Europe/Berlin")).seed();
    }

    @Test
    void aWebCallerBooksACheckUpOverTheChat() throws Exception {
        Api.Response connect = api.post("/api/sofia/connect", "{\"language\": \"de\"}");
        assertThat(connect.status()).as(connect.raw().body()).isEqualTo(201);
        JsonNode body = connect.json();
        String room = body.path("room").asString();

        try (PythonPeer caller = PythonPeer.start(
                "caller", body.path("url").asString(), body.path("token").asString())) {
            caller.awaitEvent("joined", PATIENCE);
            caller.send("register_text", "topic", "lk.transcription");
            says(caller, 0, "Wie kann ich Ihnen helfen");

            turn(caller, "Ich möchte einen Termin zur Kontrolle.", "Geburtsdatum");
            turn(caller, "Mustermann, geboren am 14.5.1980.", "Wann würde es Ihnen passen");
            turn(caller, "Nächste Woche Dienstag vormittags.", "Welcher Termin passt Ihnen");
            turn(caller, "Den ersten, bitte.", "Soll ich den Termin so buchen");
            turn(caller, "Ja.", "Ihr Termin ist gebucht");
        }

        List<Map<String, Object>> booked = fixtures.jdbc().sql("""
                        select a.source, t.code, a.call_session_id from appointments a
                          join patients p on p.id = a.patient_id join appointment_types t on t.id = a.type_id
                        where p.last_name = 'Mustermann' and a.source <> 'staff'
                        """).query().listOfRows();
        CallSession session = callSessions.findByRoom(room).orElseThrow();
        assertThat(booked).singleElement().satisfies(row -> {
            assertThat(row.get("source")).isEqualTo("web");
            assertThat(row.get("code")).isEqualTo("kontrolle");
            assertThat(row.get("call_session_id")).isEqualTo(session.id());
        });
        assertThat(session.outcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(session.patientId()).isNotNull();
        assertThat(session.summary()).startsWith("Termin gebucht: Kontrolle");
        // the last lines are written as the session adds them: wait for the read-back's answer
        await(
                "the transcript has both sides",
                () -> records.transcript(session.id()).stream()
                        .anyMatch(line -> line.speaker() == TranscriptLine.Speaker.AGENT
                                && line.text().contains("Ihr Termin ist gebucht")));
        List<TranscriptLine> transcript = records.transcript(session.id());
        assertThat(transcript)
                .filteredOn(line -> line.speaker() == TranscriptLine.Speaker.CALLER)
                .extracting(TranscriptLine::text)
                .containsSubsequence("Ich möchte einen Termin zur Kontrolle.", "Ja.");
        assertThat(transcript.getFirst().speaker()).isEqualTo(TranscriptLine.Speaker.AGENT);
    }

    /** Types a turn over lk.chat and waits for Sofia's answer to it containing {@code expected}. */
    private static void turn(PythonPeer caller, String text, String expected) {
        int mark = caller.mark();
        caller.send("send_text", "topic", "lk.chat", "text", text);
        says(caller, mark, expected);
    }

    /** Waits for a transcription (from event {@code from} on) containing {@code expected}. */
    private static void says(PythonPeer caller, int from, String expected) {
        caller.awaitEvent(
                from,
                "text_received",
                e -> e.path("topic").asString().equals("lk.transcription")
                        && e.path("text").asString().contains(expected),
                PATIENCE);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("gave up waiting until " + what + " after " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }
}
