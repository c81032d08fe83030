package dev.sofia.agents.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.agents.testkit.FakeLlm;
import dev.sofia.agents.testkit.FakeStt;
import dev.sofia.agents.testkit.FakeTts;
import dev.sofia.agents.testkit.FakeVad;
import dev.sofia.agents.testkit.RecordingAudioOutput;
import dev.sofia.agents.testkit.ScriptedCaller;
import dev.sofia.agents.tools.Tool;
import dev.sofia.agents.tools.Tools;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentSessionTests {

    private static final int RATE = 16_000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeStt stt = new FakeStt();
    private final FakeLlm llm = new FakeLlm();
    private final FakeTts tts = new FakeTts(RATE).speed(Duration.ofMillis(20));
    private final ScriptedCaller caller = new ScriptedCaller(RATE);
    private final RecordingAudioOutput speaker = new RecordingAudioOutput(RATE);
    private final List<Timed> events = new CopyOnWriteArrayList<>();
    private AgentSession session;

    record Timed(long nanos, SessionEvent event) {}

    public static final class Calendar {
        final List<String> booked = new CopyOnWriteArrayList<>();

        @Tool("Finds free appointment slots on a day.")
        public String findSlots(String day) {
            return "9:00 and 11:30";
        }

        @Tool(value = "Books a slot.", interruptible = false)
        public String book(String time) throws InterruptedException {
            Thread.sleep(300);
            booked.add(time);
            return "booked " + time;
        }
    }

    private AgentSession start(Agent agent, AgentSessionOptions options) {
        session = AgentSession.builder()
                .stt(stt)
                .llm(llm)
                .tts(tts)
                .vad(new FakeVad(Duration.ofMillis(150)))
                .options(options)
                .build();
        session.addListener(e -> events.add(new Timed(System.nanoTime(), e)));
        session.start(agent, new SessionIo(caller, speaker, TranscriptOutput.NONE));
        return session;
    }

    private static AgentSessionOptions fast() {
        return AgentSessionOptions.DEFAULT
                .withEndpointing(Duration.ofMillis(100), Duration.ofMillis(400))
                .withInterruptions(true, Duration.ofMillis(200), 0, Duration.ofMillis(500));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (session != null) {
            session.close();
            session.awaitClosed(WAIT);
        }
        caller.close();
        speaker.close();
    }

    private Timed await(Predicate<SessionEvent> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Timed timed : events) {
                if (condition.test(timed.event())) {
                    return timed;
                }
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new AssertionError("no such event within " + WAIT + "; events: " + events);
    }

    private static Predicate<SessionEvent> state(AgentState state) {
        return e -> e instanceof SessionEvent.AgentStateChanged c && c.state() == state;
    }

    @Test
    void greetsThenAnswersATurnWithAToolCallAndKeepsTheHistory() throws InterruptedException {
        Calendar calendar = new Calendar();
        llm.answer(FakeLlm.Answer.toolCall("find_slots", "{\"day\":\"morgen\"}"))
                .answer("Morgen ist um 9 Uhr und um 11:30 Uhr frei. Was passt Ihnen?");
        start(Agent.of("Sie sind Sofia.", Tools.from(calendar)).withGreeting("Praxis am Park, guten Tag!"), fast());

        await(state(AgentState.SPEAKING));
        events.clear();
        await(state(AgentState.LISTENING));

        stt.willHear("Haben Sie morgen einen Termin frei?");
        caller.speak(Duration.ofMillis(600));
        await(e -> e instanceof SessionEvent.ToolExecuted t && t.name().equals("find_slots"));
        await(state(AgentState.SPEAKING));
        await(state(AgentState.LISTENING));

        List<Object> items = List.copyOf(session.history().items());
        assertThat(items).hasSize(6);
        assertThat(((ChatMessage) items.get(0)).role()).isEqualTo(ChatRole.SYSTEM);
        assertThat(((ChatMessage) items.get(1)).text()).isEqualTo("Praxis am Park, guten Tag!");
        assertThat(((ChatMessage) items.get(2)).text()).isEqualTo("Haben Sie morgen einen Termin frei?");
        assertThat(((FunctionCall) items.get(3)).name()).isEqualTo("find_slots");
        assertThat(((FunctionCallOutput) items.get(4)).output()).isEqualTo("9:00 and 11:30");
        assertThat(((ChatMessage) items.get(5)).text()).startsWith("Morgen ist um 9 Uhr");
        assertThat(tts.spoken()).contains("Praxis am Park, guten Tag!");
    }

    @Test
    void bargeInStopsPlaybackWithinTwentyMillisecondsAndTheHistoryKeepsWhatWasHeard() throws InterruptedException {
        String longReply = "Gern erkläre ich Ihnen alles ausführlich. Unsere Praxis hat montags bis freitags geöffnet. "
                + "Am Mittwochnachmittag ist geschlossen. Parkplätze finden Sie direkt vor dem Haus.";
        llm.answer(longReply);
        start(Agent.of("Sie sind Sofia.", List.of()), fast());
        await(state(AgentState.LISTENING));

        stt.willHear("Wann haben Sie geöffnet?");
        caller.speak(Duration.ofMillis(500));
        await(state(AgentState.SPEAKING));
        TimeUnit.MILLISECONDS.sleep(1200); // the first sentence or so is heard

        stt.willHear("Danke, das reicht.");
        caller.speak(Duration.ofMillis(600));
        Timed cut = await(e -> e instanceof SessionEvent.ReplyInterrupted);
        TimeUnit.MILLISECONDS.sleep(200);

        long stoppedAfter = speaker.lastAudibleNanos() - cut.nanos();
        assertThat(Duration.ofNanos(stoppedAfter)).isLessThanOrEqualTo(Duration.ofMillis(20));
        String heard = ((SessionEvent.ReplyInterrupted) cut.event()).heard();
        assertThat(heard).startsWith("Gern erkläre ich Ihnen alles ausführlich.");
        assertThat(heard.length()).isLessThan(longReply.length());
        ChatMessage assistant =
                session.history().lastMessage(ChatRole.ASSISTANT).orElseThrow();
        assertThat(assistant.text()).isEqualTo(heard);
        assertThat(assistant.interrupted()).isTrue();
    }
}
