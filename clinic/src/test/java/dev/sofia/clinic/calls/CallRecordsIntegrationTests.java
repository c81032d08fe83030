package dev.sofia.clinic.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.clinic.calls.TranscriptLine.Speaker;
import dev.sofia.clinic.livekit.LiveKitWebhookReceived;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.UnknownReferenceException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the receptionist records about a call, against the shared app's database: the patient, the
 * outcome that only moves up, transcripts numbered in order under concurrent appenders, the purge
 * after the retention period, and {@code abandoned} for calls closed without an outcome.
 */
@ClinicIntegrationTest
class CallRecordsIntegrationTests {

    @Autowired
    CallRecords records;

    @Autowired
    CallSessions sessions;

    @Autowired
    TranscriptPurge purge;

    @Autowired
    CallsProperties properties;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    PracticeCatalog catalog;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    Instant now;

    @BeforeEach
    void setUp() {
        clock.reset();
        fixtures.reset();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePatientIsRecordedAndALaterOneReplacesIt() {
        UUID session = open().id();
        UUID first = fixtures.patient("Erste");
        UUID second = fixtures.patient("Zweite");

        records.recordPatient(session, first);
        assertThat(sessions.find(session).orElseThrow().patientId()).isEqualTo(first);

        records.recordPatient(session, second);
        assertThat(sessions.find(session).orElseThrow().patientId()).isEqualTo(second);
    }

    @Test
    void anUnknownPatientOrSessionIsRefusedAndNothingChanges() {
        UUID session = open().id();

        assertThatThrownBy(() -> records.recordPatient(session, UUID.randomUUID()))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessageContaining("patientId");
        assertThatThrownBy(() -> records.recordPatient(UUID.randomUUID(), fixtures.patient("Muster")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> records.recordOutcome(UUID.randomUUID(), CallOutcome.INFO, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> records.appendTranscript(UUID.randomUUID(), Speaker.CALLER, "Hallo", now))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> records.recordOutcome(session, null, "s"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outcome");

        CallSession after = sessions.find(session).orElseThrow();
        assertThat(after.patientId()).isNull();
        assertThat(after.outcome()).isNull();
        assertThat(after.summary()).isNull();
        assertThat(fixtures.count("call_transcript_lines")).isZero();
    }

    @Test
    void theOutcomeOnlyMovesUpAndTheSummaryGoesWithIt() {
        UUID session = open().id();

        records.recordOutcome(session, CallOutcome.INFO, "Auskunft: Parken.");
        assertOutcome(session, CallOutcome.INFO, "Auskunft: Parken.");

        records.recordOutcome(session, CallOutcome.BOOKED, "  Termin gebucht: Kontrolle, Dienstag.  ");
        assertOutcome(session, CallOutcome.BOOKED, "Termin gebucht: Kontrolle, Dienstag.");

        // weaker: neither the outcome nor its summary replaces the booking's
        records.recordOutcome(session, CallOutcome.MESSAGE, "Rückrufbitte: Rechnung.");
        assertOutcome(session, CallOutcome.BOOKED, "Termin gebucht: Kontrolle, Dienstag.");

        // as strong: the later booking's summary is the one to read
        records.recordOutcome(session, CallOutcome.BOOKED, "Termin gebucht: Reinigung, Freitag.");
        assertOutcome(session, CallOutcome.BOOKED, "Termin gebucht: Reinigung, Freitag.");

        // no summary (null or blank) keeps the one there is
        records.recordOutcome(session, CallOutcome.BOOKED, null);
        records.recordOutcome(session, CallOutcome.BOOKED, "   ");
        assertOutcome(session, CallOutcome.BOOKED, "Termin gebucht: Reinigung, Freitag.");

        // a long summary is cut, not refused
        UUID other = open().id();
        records.recordOutcome(other, CallOutcome.RESCHEDULED, "x".repeat(2500));
        assertThat(sessions.find(other).orElseThrow().summary()).hasSize(CallRecords.MAX_SUMMARY);
    }

    @Test
    void aWeakerOutcomesSummaryIsKeptWhenTheCallHasNoneYet() {
        UUID session = open().id();
        records.recordOutcome(session, CallOutcome.BOOKED, null);

        records.recordOutcome(session, CallOutcome.INFO, "Auskunft: Anfahrt.");

        assertOutcome(session, CallOutcome.BOOKED, "Auskunft: Anfahrt.");
    }

    @Test
    void everyOutcomeReplacesExactlyTheWeakerOnes() {
        // strongest first, as CallOutcome documents it
        List<CallOutcome> order = List.of(
                CallOutcome.BOOKED,
                CallOutcome.RESCHEDULED,
                CallOutcome.CANCELLED,
                CallOutcome.TRANSFERRED,
                CallOutcome.MESSAGE,
                CallOutcome.INFO,
                CallOutcome.ABANDONED);
        assertThat(order).containsExactlyInAnyOrder(CallOutcome.values());
        for (CallOutcome recorded : order) {
            for (CallOutcome later : order) {
                UUID session = open().id();
                records.recordOutcome(session, recorded, null);
                records.recordOutcome(session, later, null);
                CallOutcome expected = order.indexOf(later) < order.indexOf(recorded) ? later : recorded;
                assertThat(sessions.find(session).orElseThrow().outcome())
                        .as("%s then %s", recorded, later)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void eightConcurrentAppendersGetGaplessNumbersInTheOrderEachAppended() throws Exception {
        UUID session = open().id();
        int appenders = 8;
        int linesEach = 25;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(appenders)) {
            for (int a = 0; a < appenders; a++) {
                int appender = a;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < linesEach; n++) {
                        records.appendTranscript(session, Speaker.CALLER, appender + ":" + n, now);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        List<TranscriptLine> lines = records.transcript(session);
        assertThat(lines).extracting(TranscriptLine::seq).containsExactlyElementsOf(range(1, appenders * linesEach));
        for (int a = 0; a < appenders; a++) {
            String prefix = a + ":";
            assertThat(lines.stream()
                            .map(TranscriptLine::text)
                            .filter(text -> text.startsWith(prefix))
                            .map(text -> Integer.parseInt(text.substring(prefix.length())))
                            .toList())
                    .as("appender %d's lines", a)
                    .containsExactlyElementsOf(range(0, linesEach - 1));
        }
    }

    @Test
    void transcriptTextIsTrimmedCappedAndBlankLinesAreIgnored() {
        UUID session = open().id();

        records.appendTranscript(session, Speaker.AGENT, "  Praxis Dr. Muster, hier ist Sofia.  ", now);
        records.appendTranscript(session, Speaker.CALLER, "   ", now.plusSeconds(1));
        records.appendTranscript(session, Speaker.CALLER, null, now.plusSeconds(1));
        records.appendTranscript(session, Speaker.CALLER, "a\u0000".repeat(3000), now.plusSeconds(2));
        records.appendTranscript(session, Speaker.STAFF, "Ich übernehme.", now.plusSeconds(3));

        assertThat(records.transcript(session))
                .containsExactly(
                        new TranscriptLine(1, Speaker.AGENT, "Praxis Dr. Muster, hier ist Sofia.", now),
                        new TranscriptLine(2, Speaker.CALLER, "a".repeat(3000), now.plusSeconds(2)),
                        new TranscriptLine(3, Speaker.STAFF, "Ich übernehme.", now.plusSeconds(3)));
        records.appendTranscript(session, Speaker.CALLER, "b".repeat(5000), now.plusSeconds(4));
        assertThat(records.transcript(session).getLast().text()).hasSize(CallRecords.MAX_LINE);
    }

    @Test
    void thePurgeDeletesTranscriptsAndSummariesOfCallsThatEndedBeforeTheRetentionPeriod() {
        Duration retention = properties.transcriptRetention();
        CallSession old = endedAt(now.minus(retention).minusSeconds(60));
        CallSession recent = endedAt(now.minus(retention).plusSeconds(60));
        CallSession running = open();
        for (CallSession s : List.of(old, recent, running)) {
            records.appendTranscript(s.id(), Speaker.CALLER, "Ich habe Zahnschmerzen.", now);
            records.appendTranscript(s.id(), Speaker.AGENT, "Das tut mir leid.", now);
            records.recordOutcome(s.id(), CallOutcome.BOOKED, "Schmerztermin gebucht.");
        }
        UUID patient = fixtures.patient("Muster");
        records.recordPatient(old.id(), patient);
        double counted = purgedCount();

        assertThat(purge.purge()).isEqualTo(1);

        assertThat(records.transcript(old.id())).isEmpty();
        CallSession oldAfter = sessions.find(old.id()).orElseThrow();
        assertThat(oldAfter.summary()).isNull();
        assertThat(oldAfter.outcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(oldAfter.patientId()).isEqualTo(patient);
        for (CallSession kept : List.of(recent, running)) {
            assertThat(records.transcript(kept.id())).hasSize(2);
            assertThat(sessions.find(kept.id()).orElseThrow().summary()).isEqualTo("Schmerztermin gebucht.");
        }
        assertThat(purgedCount()).isEqualTo(counted + 1);

        // two minutes later the recent call is past the period too; the old one is not counted again
        clock.set(now.plusSeconds(120));
        assertThat(purge.purge()).isEqualTo(1);
        assertThat(records.transcript(recent.id())).isEmpty();
        assertThat(records.transcript(running.id())).hasSize(2);
        assertThat(purge.purge()).isZero();
    }

    @Test
    void aCallClosedWithoutAnOutcomeIsAbandonedAndALaterOutcomeStillReplacesIt() {
        CallSession plain = open();
        CallSession informed = open();
        records.recordOutcome(informed.id(), CallOutcome.INFO, null);

        sessions.close(plain.id(), "swept", now);
        sessions.close(informed.id(), "swept", now);

        assertThat(sessions.find(plain.id()).orElseThrow().outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(sessions.find(informed.id()).orElseThrow().outcome()).isEqualTo(CallOutcome.INFO);

        records.recordOutcome(plain.id(), CallOutcome.BOOKED, "Spät gemeldet.");
        assertThat(sessions.find(plain.id()).orElseThrow().outcome()).isEqualTo(CallOutcome.BOOKED);
    }

    @Test
    void aCallClosedByAWebhookWithoutAnOutcomeIsAbandoned() {
        CallSession ringing = open();
        WebhookEvent finished =
                Webhooks.event("room_finished", ringing.roomName(), now).build();

        tx.executeWithoutResult(status -> new CallWebhooks(jdbc, sessions, catalog)
                .on(new LiveKitWebhookReceived(finished, Webhooks.json(finished), now)));

        CallSession after = sessions.find(ringing.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CallStatus.FAILED);
        assertThat(after.outcome()).isEqualTo(CallOutcome.ABANDONED);
    }

    private CallSession open() {
        return sessions.openWebSession("web-" + UUID.randomUUID(), null, "caller-" + UUID.randomUUID(), "de", null);
    }

    /** A web call that rang a minute and was closed at {@code endedAt}; the clock stays at {@link #now}. */
    private CallSession endedAt(Instant endedAt) {
        clock.set(endedAt.minusSeconds(60));
        try {
            CallSession session = open();
            sessions.close(session.id(), "test", endedAt);
            return session;
        } finally {
            clock.set(now);
        }
    }

    private void assertOutcome(UUID session, CallOutcome outcome, String summary) {
        CallSession s = sessions.find(session).orElseThrow();
        assertThat(s.outcome()).isEqualTo(outcome);
        assertThat(s.summary()).isEqualTo(summary);
    }

    private double purgedCount() {
        return meters.get(TranscriptPurge.PURGED_METRIC).counter().count();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
