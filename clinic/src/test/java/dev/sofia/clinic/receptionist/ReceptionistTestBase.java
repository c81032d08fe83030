package dev.sofia.clinic.receptionist;

import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.testkit.Conversation;
import dev.sofia.agents.voice.AgentSessionOptions;
import dev.sofia.clinic.calls.CallSession;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.demo.DemoSeed;
import dev.sofia.clinic.receptionist.offline.OfflineDialog;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Conversations with the real receptionist (her instructions, tools and the practice's database)
 * in text: the demo practice seeded fresh for each test, the clock on Monday 23 November 2026, 9:00
 * in Berlin, and a web call session the tools write their outcome onto. Subclasses choose the model
 * (a scripted {@code FakeLlm} or the offline engine) and check the database afterwards.
 */
@ClinicIntegrationTest
public abstract class ReceptionistTestBase {

    /** Monday 23 November 2026, 9:00 in Berlin. */
    public static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    protected ReceptionistAgent receptionist;

    @Autowired
    protected ReceptionistServices services;

    @Autowired
    protected CalendarFixtures fixtures;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected CallSessions callSessions;

    protected @Nullable Conversation conversation;
    protected @Nullable ReceptionistCall call;

    @BeforeEach
    void seedTheDemoPractice() {
        clock.set(NOW);
        fixtures.empty();
        new DemoSeed(jdbc(), clock, BERLIN).seed();
    }

    @AfterEach
    void endTheConversation() throws InterruptedException {
        if (conversation != null) {
            conversation.close();
        }
        clock.reset();
    }

    protected JdbcClient jdbc() {
        return fixtures.jdbc();
    }

    /** Starts a web call in German (or {@code language}) with this model. */
    protected Conversation start(Llm llm, String language) {
        return start(llm, language, ReceptionistCall.Channel.WEB, null);
    }

    protected Conversation start(
            Llm llm, String language, ReceptionistCall.Channel channel, @Nullable String callerNumber) {
        return start(ignored -> llm, language, channel, callerNumber);
    }

    /** Starts a web call with the offline dialog engine (made for the call, which it keeps state on). */
    protected Conversation startOffline(String language) {
        return startOffline(language, ReceptionistCall.Channel.WEB, null);
    }

    protected Conversation startOffline(
            String language, ReceptionistCall.Channel channel, @Nullable String callerNumber) {
        return start(forCall -> new OfflineDialog(services, forCall), language, channel, callerNumber);
    }

    /** Starts a call whose model is made for it (e.g. one holding the call's dialog state). */
    protected Conversation start(
            Function<ReceptionistCall, Llm> model,
            String language,
            ReceptionistCall.Channel channel,
            @Nullable String callerNumber) {
        String room = "web-" + UUID.randomUUID();
        CallSession session = callSessions.openWebSession(room, null, "caller-test", language, null);
        call = new ReceptionistCall(session.id(), room, channel, callerNumber, language);
        conversation = Conversation.start(receptionist.forCall(call), model.apply(call), AgentSessionOptions.DEFAULT);
        return conversation;
    }

    /** The call session as the database holds it now. */
    protected CallSession session() {
        return callSessions.find(call.callSessionId().orElseThrow()).orElseThrow();
    }

    /**
     * A patient's appointments (by last name) made by calls — the seeded ones come from staff — as
     * rows of starts_at, code (the type), display_name (the doctor), source and status.
     */
    protected List<Map<String, Object>> callAppointmentsOf(String lastName) {
        return jdbc().sql("""
                        select a.starts_at, t.code, d.display_name, a.source, a.status
                        from appointments a join patients p on p.id = a.patient_id
                          join appointment_types t on t.id = a.type_id join doctors d on d.id = a.doctor_id
                        where p.last_name = ? and a.source <> 'staff' order by a.starts_at
                        """).params(lastName).query().listOfRows();
    }
}
