package dev.sofia.clinic.receptionist.corpus;

import static dev.sofia.clinic.receptionist.corpus.Scenario.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.testkit.FakeLlm;
import dev.sofia.agents.testkit.FakeLlm.Answer;
import dev.sofia.agents.testkit.FakeStt;
import dev.sofia.agents.testkit.FakeTts;
import dev.sofia.agents.testkit.FakeVad;
import dev.sofia.agents.testkit.RecordingAudioOutput;
import dev.sofia.agents.testkit.ScriptedCaller;
import dev.sofia.agents.voice.AgentSession;
import dev.sofia.agents.voice.AgentSessionOptions;
import dev.sofia.agents.voice.AgentState;
import dev.sofia.agents.voice.SessionEvent;
import dev.sofia.agents.voice.SessionIo;
import dev.sofia.agents.voice.TranscriptOutput;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.calls.CallSession;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Barge-in during the read-back, through the session's real audio path (a caller speaking into
 * the VAD and STT, a voice that takes time to say the read-back): the caller cuts Sofia off while
 * she reads back Tuesday's slot to say they want Wednesday. The history keeps only what was heard
 * of the read-back, nothing is booked on the strength of it, and after the correction the
 * Wednesday slot is booked — through the real tools and database.
 */
class ReadBackBargeInCorpusTests extends CorpusTestBase {

    private static final int RATE = 16_000;
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String READ_BACK = "Kontrolle am Dienstag, 24. November, um 9:30 Uhr bei Dr. Anna Weber. "
            + "Bitte kommen Sie zehn Minuten früher und bringen Sie Ihre Versichertenkarte mit. "
            + "Soll ich das so für Sie buchen?";

    private final FakeStt stt = new FakeStt();
    private final FakeTts tts = new FakeTts(RATE).speed(Duration.ofMillis(20));
    private final ScriptedCaller caller = new ScriptedCaller(RATE);
    private final RecordingAudioOutput speaker = new RecordingAudioOutput(RATE);
    private final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    private AgentSession session;

    @AfterEach
    void hangUp() throws InterruptedException {
        if (session != null) {
            session.close();
            session.awaitClosed(WAIT);
        }
        caller.close();
        speaker.close();
    }

    @Test
    void theCallerCutsOffTheReadBackAndTheCorrectedSlotIsBooked() throws InterruptedException {
        FakeLlm llm = new FakeLlm()
                .answer(Answer.toolCall(
                        "identify_patient", args("lastName", "Mustermann", "dateOfBirth", "1980-05-14")))
                .answer(Answer.toolCall(
                        "find_free_slots",
                        args("treatment", "kontrolle", "from", "2026-11-24", "preferredTime", "09:30")))
                .answer("Am Dienstag um 9:30 Uhr ist bei Dr. Anna Weber frei. Passt das?")
                .answer(Answer.toolCall("hold_slot", args("slotId", "S2")))
                .answer(READ_BACK)
                // the caller's correction, said over the read-back
                .answer(Answer.toolCall(
                        "find_free_slots",
                        args("treatment", "kontrolle", "from", "2026-11-25", "preferredTime", "14:00")))
                .answer("Am Mittwoch um 14 Uhr ist bei Dr. Anna Weber frei. Passt das?")
                .answer(Answer.toolCall("hold_slot", args("slotId", "S6")))
                .answer("Kontrolle am Mittwoch, 25. November, um 14:00 Uhr bei Dr. Anna Weber. Soll ich das buchen?")
                .answer(Answer.toolCall("book_appointment", args("slotId", "S6")))
                .answer("Gebucht. Bis Mittwoch!");
        startVoiceCall(llm);
        awaitListening(0);

        say("Mustermann, geboren am 14.5.1980. Ich möchte eine Kontrolle am Dienstag um halb zehn.");
        int readBackStarts = events.size();
        stt.willHear("Ja, der passt.");
        caller.speak(Duration.ofMillis(500));
        awaitAfter(
                readBackStarts,
                e -> e instanceof SessionEvent.AgentStateChanged c
                        && c.previous() == AgentState.THINKING
                        && c.state() == AgentState.SPEAKING);
        TimeUnit.MILLISECONDS.sleep(1_800); // the first sentence is heard, the rest not yet

        int cut = events.size();
        stt.willHear("Nein, Moment, lieber Mittwoch um 14 Uhr.");
        caller.speak(Duration.ofMillis(600));
        SessionEvent.ReplyInterrupted interrupted =
                (SessionEvent.ReplyInterrupted) awaitAfter(cut, e -> e instanceof SessionEvent.ReplyInterrupted);
        assertThat(interrupted.heard())
                .startsWith("Kontrolle am Dienstag, 24. November, um 9:30 Uhr bei Dr. Anna Weber.")
                .doesNotContain("Soll ich das so für Sie buchen?");
        assertThat(callAppointmentsOf("Mustermann"))
                .as("nothing booked on a cut-off read-back")
                .isEmpty();
        awaitReply(cut);

        say("Ja.");
        say("Ja, bitte.");

        ChatMessage readBack = assistantMessages().stream()
                .filter(m -> m.text().startsWith("Kontrolle am Dienstag"))
                .findFirst()
                .orElseThrow();
        assertThat(readBack.interrupted())
                .as("the read-back is marked as cut off")
                .isTrue();
        assertThat(readBack.text()).as("the history keeps what was heard").isEqualTo(interrupted.heard());
        assertThat(READ_BACK).startsWith(readBack.text()).isNotEqualTo(readBack.text());

        List<Map<String, Object>> booked = callAppointmentsOf("Mustermann");
        assertThat(booked).singleElement().satisfies(row -> {
            assertThat(row.get("code")).isEqualTo("kontrolle");
            assertThat(row.get("display_name")).isEqualTo("Dr. Anna Weber");
            assertThat(row.get("source")).isEqualTo("web");
            assertThat(((java.sql.Timestamp) row.get("starts_at")).toInstant())
                    .isEqualTo(java.time.Instant.parse("2026-11-25T13:00:00Z"));
        });
        assertThat(jdbc().sql("select count(*) from slot_holds")
                        .query(Integer.class)
                        .single())
                .as("Tuesday's hold was released")
                .isZero();
        CallSession after = session();
        assertThat(after.outcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(after.summary()).startsWith("Termin gebucht: Kontrolle, 2026-11-25 14:00");
        assertThat(llm.requests()).hasSize(11);
    }

    private void startVoiceCall(FakeLlm llm) {
        String room = "web-" + UUID.randomUUID();
        CallSession opened = callSessions.openWebSession(room, null, "caller-test", "de", null);
        call = new ReceptionistCall(opened.id(), room, ReceptionistCall.Channel.WEB, null, "de");
        session = AgentSession.builder()
                .stt(stt)
                .llm(llm)
                .tts(tts)
                .vad(new FakeVad(Duration.ofMillis(150)))
                .options(AgentSessionOptions.DEFAULT
                        .withEndpointing(Duration.ofMillis(100), Duration.ofMillis(400))
                        .withInterruptions(true, Duration.ofMillis(200), 0, Duration.ofMillis(500)))
                .build();
        session.addListener(events::add);
        session.start(receptionist.forCall(call), new SessionIo(caller, speaker, TranscriptOutput.NONE));
    }

    /** The caller says one turn and Sofia answers it in full. */
    private void say(String text) throws InterruptedException {
        int before = events.size();
        stt.willHear(text);
        caller.speak(Duration.ofMillis(500));
        awaitReply(before);
    }

    /** Sofia's answer after event #{@code from} was said in full (a cut-off reply does not count). */
    private void awaitReply(int from) throws InterruptedException {
        int answered = indexAfter(
                from,
                e -> e instanceof SessionEvent.ItemAdded added
                        && added.item() instanceof ChatMessage m
                        && m.role() == ChatRole.ASSISTANT);
        awaitListening(answered);
    }

    private void awaitListening(int from) throws InterruptedException {
        awaitAfter(
                from,
                e -> e instanceof SessionEvent.AgentStateChanged c
                        && c.state() == AgentState.LISTENING
                        && c.previous() == AgentState.SPEAKING);
    }

    private SessionEvent awaitAfter(int from, Predicate<SessionEvent> condition) throws InterruptedException {
        return events.get(indexAfter(from, condition));
    }

    private int indexAfter(int from, Predicate<SessionEvent> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<SessionEvent> seen = List.copyOf(events);
            for (int i = from; i < seen.size(); i++) {
                if (condition.test(seen.get(i))) {
                    return i;
                }
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new AssertionError("no such event within " + WAIT + " after #" + from + "; events: " + events);
    }

    private List<ChatMessage> assistantMessages() {
        return session.history().items().stream()
                .filter(ChatMessage.class::isInstance)
                .map(ChatMessage.class::cast)
                .filter(m -> m.role() == ChatRole.ASSISTANT)
                .toList();
    }
}
