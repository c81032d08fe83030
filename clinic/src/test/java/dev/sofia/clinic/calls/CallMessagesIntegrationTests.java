package dev.sofia.clinic.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.clinic.calls.CallMessage.Kind;
import dev.sofia.clinic.calls.CallMessage.Status;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.UnknownReferenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Messages for staff through the service: create, list, done, and input that is refused whole. */
@ClinicIntegrationTest
class CallMessagesIntegrationTests {

    @Autowired
    CallMessages messages;

    @Autowired
    CallSessions sessions;

    @Autowired
    Patients patients;

    @Autowired
    PracticeCatalog catalog;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

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
    void aCallbackIsStoredNormalisedAndAnnounced() {
        List<Object> published = new ArrayList<>();
        CallMessages recording = new CallMessages(jdbc, patients, catalog, published::add, clock);
        UUID patient = fixtures.patient("Muster");

        CallMessage created = recording.create(new NewCallMessage(
                null, patient, Kind.CALLBACK, "  Erika Muster ", "030 901820", "  Rückruf wegen Rechnung.  ", "de"));

        assertThat(created.phone()).isEqualTo("+4930901820");
        assertThat(created.callerName()).isEqualTo("Erika Muster");
        assertThat(created.reason()).isEqualTo("Rückruf wegen Rechnung.");
        assertThat(created.patientId()).isEqualTo(patient);
        assertThat(created.status()).isEqualTo(Status.OPEN);
        assertThat(created.createdAt()).isEqualTo(now);
        assertThat(created.doneAt()).isNull();
        assertThat(messages.find(created.id())).contains(created);
        assertThat(published).containsExactly(new CallMessageCreated(created.id(), Kind.CALLBACK));
    }

    @Test
    void withoutAPhoneOrLanguageTheCallsOwnAreUsed() {
        CallSession call = sessions.openWebSession("web-" + UUID.randomUUID(), null, "caller-x", "ru", null);
        jdbc.sql("update call_sessions set caller_number = '+4915112345678' where id = ?")
                .param(call.id())
                .update();

        CallMessage created = messages.create(
                new NewCallMessage(call.id(), null, Kind.HANDOVER, null, null, "Möchte Dr. Weber sprechen.", null));

        assertThat(created.callSessionId()).isEqualTo(call.id());
        assertThat(created.phone()).isEqualTo("+4915112345678");
        assertThat(created.language()).isEqualTo("ru");
        assertThat(created.kind()).isEqualTo(Kind.HANDOVER);
    }

    @Test
    void theListIsNewestFirstFilteredByStatusAndLimited() {
        CallMessage first = callbackAt(now.minusSeconds(30), "erste");
        CallMessage second = callbackAt(now.minusSeconds(20), "zweite");
        CallMessage third = callbackAt(now.minusSeconds(10), "dritte");
        messages.markDone(second.id(), "Anna");

        assertThat(messages.list(null, 50))
                .extracting(CallMessage::id)
                .containsExactly(third.id(), second.id(), first.id());
        assertThat(messages.list(Status.OPEN, 50)).extracting(CallMessage::id).containsExactly(third.id(), first.id());
        assertThat(messages.list(Status.DONE, 50)).extracting(CallMessage::id).containsExactly(second.id());
        assertThat(messages.list(null, 1)).extracting(CallMessage::id).containsExactly(third.id());
        assertThatThrownBy(() -> messages.list(null, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> messages.list(null, 201)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void markingDoneRecordsWhoAndWhenOnceAndAgainChangesNothing() {
        CallMessage message = callbackAt(now.minusSeconds(60), "Rückruf");

        CallMessage done = messages.markDone(message.id(), "  Anna  ");
        clock.set(now.plusSeconds(300));
        CallMessage again = messages.markDone(message.id(), "Bernd");

        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.doneBy()).isEqualTo("Anna");
        assertThat(done.doneAt()).isEqualTo(now);
        assertThat(again).isEqualTo(done);
        assertThatThrownBy(() -> messages.markDone(UUID.randomUUID(), "Anna")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.markDone(message.id(), " "))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("doneBy"));
    }

    @Test
    void badInputNamesEveryFieldAtFaultAndWritesNothing() {
        NewCallMessage bad = new NewCallMessage(null, null, null, "x".repeat(101), "+49 abc", "   ", "fr");

        assertThatThrownBy(() -> messages.create(bad))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e))
                        .containsExactlyInAnyOrder("kind", "reason", "callerName", "language", "phone"));
        assertThatThrownBy(() -> messages.create(
                        new NewCallMessage(null, null, Kind.CALLBACK, null, null, "x".repeat(1001), null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("reason"));
        assertThatThrownBy(() -> messages.create(
                        new NewCallMessage(null, null, Kind.CALLBACK, null, null, "Bitte zurückrufen.", null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("phone"));
        assertThatThrownBy(() -> messages.create(
                        new NewCallMessage(UUID.randomUUID(), null, Kind.HANDOVER, null, null, "Übergabe.", null)))
                .isInstanceOf(UnknownReferenceException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("callSessionId"));
        assertThatThrownBy(() -> messages.create(new NewCallMessage(
                        null, UUID.randomUUID(), Kind.CALLBACK, null, "+4930901820", "Rückruf.", null)))
                .isInstanceOf(UnknownReferenceException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("patientId"));

        assertThat(fixtures.count("call_messages")).isZero();
    }

    private CallMessage callbackAt(Instant at, String reason) {
        clock.set(at);
        try {
            return messages.create(new NewCallMessage(null, null, Kind.CALLBACK, null, "+4930901820", reason, "de"));
        } finally {
            clock.set(now);
        }
    }

    private static List<String> fields(Throwable e) {
        return ((dev.sofia.clinic.system.ProblemException) e)
                .errors().stream().map(FieldProblem::field).toList();
    }
}
