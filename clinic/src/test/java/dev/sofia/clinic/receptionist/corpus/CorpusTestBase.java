package dev.sofia.clinic.receptionist.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.testkit.Conversation;
import dev.sofia.agents.voice.Agent;
import dev.sofia.agents.voice.AgentSessionOptions;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.ReceptionistTestBase;
import dev.sofia.clinic.receptionist.tools.ReceptionistTools;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.clinic.system.UnknownReferenceException;
import dev.sofia.clinic.telephony.CallControl;
import dev.sofia.clinic.telephony.TransferTargets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a {@link Scenario}'s call against the real receptionist (instructions, tools, the demo
 * practice's database) with a model the subclass chooses, and checks the database afterwards.
 *
 * <p>A phone call's transfer is the one thing not real: there is no SIP caller in LiveKit to hand
 * over, so {@link CallControl} is replaced by one that resolves the practice's configured transfer
 * targets from the database like the real one (none configured: the same refusal) and records
 * the line instead of asking LiveKit. Web calls hand over through the real message table.
 */
abstract class CorpusTestBase extends ReceptionistTestBase {

    @Autowired
    private TransferTargets transferTargets;

    @Autowired
    private Patients patients;

    /** The lines phone calls were put through to. */
    private final List<String> transfers = new CopyOnWriteArrayList<>();

    /** The database as the scenario's checks read it; set when the call starts. */
    protected CorpusDb db;

    /** Starts the scenario's call with the model {@code model} makes for the call's services. */
    protected Conversation startCall(Scenario scenario, BiFunction<ReceptionistServices, ReceptionistCall, Llm> model) {
        ReceptionistCall.Channel channel = scenario.channel();
        String room = (channel == ReceptionistCall.Channel.PHONE ? "call-" : "web-") + UUID.randomUUID();
        UUID sessionId = channel == ReceptionistCall.Channel.PHONE
                ? openPhoneSession(room, scenario.callerNumber(), scenario.language())
                : callSessions
                        .openWebSession(room, null, "caller-test", scenario.language(), null)
                        .id();
        ReceptionistCall newCall =
                new ReceptionistCall(sessionId, room, channel, scenario.callerNumber(), scenario.language());
        call = newCall;
        ReceptionistServices callServices = withPhoneTransfers(services);
        Setup.World world = new Setup.World() {
            @Override
            public JdbcClient jdbc() {
                return CorpusTestBase.this.jdbc();
            }

            @Override
            public TestClock clock() {
                return clock;
            }

            @Override
            public ReceptionistCall call() {
                return newCall;
            }

            @Override
            public Patients patients() {
                return patients;
            }
        };
        scenario.setup().forEach(setup -> setup.apply(world));
        db = new CorpusDb(jdbc(), this::session, newCall.bookingSource().name().toLowerCase(Locale.ROOT), transfers);
        Agent sofia = receptionist.forCall(newCall);
        Agent agent = new Agent(
                sofia.instructions(),
                ReceptionistTools.forCall(callServices, newCall),
                sofia.greeting(),
                sofia.phrases());
        conversation = Conversation.start(agent, model.apply(callServices, newCall), AgentSessionOptions.DEFAULT);
        return conversation;
    }

    /** The scenario's database facts, and that nothing else happened. */
    protected void checkDatabase(List<Expect> expected) {
        for (Expect expect : expected) {
            try {
                expect.verify(db);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("database check " + expect + " failed: " + e.getMessage(), e);
            }
        }
        db.nothingElse(expected);
        assertThat(session().id()).isNotNull();
    }

    private UUID openPhoneSession(String room, String callerNumber, String language) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc().sql("""
                        insert into call_sessions (id, room_name, participant_identity, caller_number, called_number,
                                                   direction, channel, language, status, created_at, answered_at)
                        values (?, ?, ?, ?, '+4930901820', 'inbound', 'phone', ?, 'active', ?, ?)
                        """)
                .params(
                        id,
                        room,
                        "sip_" + id.toString().substring(0, 8),
                        callerNumber,
                        language,
                        now.atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    /** The services with a call control whose transfers resolve real targets but do not need LiveKit. */
    private ReceptionistServices withPhoneTransfers(ReceptionistServices real) {
        CallControl control = Mockito.mock(CallControl.class);
        Mockito.when(control.transfer(Mockito.anyString(), Mockito.anyString())).thenAnswer(invocation -> {
            String room = invocation.getArgument(0);
            String kind = invocation.getArgument(1);
            TransferTargets.TransferTarget target = transferTargets
                    .ofKind(kind)
                    .orElseThrow(
                            () -> new UnknownReferenceException("target", kind + " transfer target (none configured)"));
            transfers.add(kind);
            return new CallControl.Transfer(room, "sip-caller", target.id(), target.kind(), target.label());
        });
        return new ReceptionistServices(
                real.catalog(),
                real.availability(),
                real.holds(),
                real.booking(),
                real.appointments(),
                real.lifecycle(),
                real.patients(),
                real.records(),
                real.messages(),
                control,
                real.texts(),
                real.clock());
    }
}
