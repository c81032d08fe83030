package dev.sofia.agents.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.agents.testkit.FakeLlm;
import dev.sofia.agents.testkit.FakeVad;
import dev.sofia.agents.tools.Tool;
import dev.sofia.agents.tools.Tools;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentSessionTurnTests extends AgentSessionTestBase {
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
    void aBookingThatMustNotBeInterruptedCompletesWhenTheCallerBargesIn() throws InterruptedException {
        Calendar calendar = new Calendar();
        llm.answer(FakeLlm.Answer.text("Einen Moment, ich buche den Termin um neun Uhr für Sie.")
                        .withToolCall("book", "{\"time\":\"9:00\"}"))
                .answer("Ihr Termin ist gebucht.");
        start(Agent.of("Sie sind Sofia.", Tools.from(calendar)), fast());
        await(state(AgentState.LISTENING));

        stt.willHear("Buchen Sie bitte neun Uhr.");
        caller.speak(Duration.ofMillis(500));
        await(state(AgentState.SPEAKING));
        stt.willHear("Warten Sie mal.");
        caller.speak(Duration.ofMillis(500));
        await(e -> e instanceof SessionEvent.ReplyInterrupted);

        await(e -> e instanceof SessionEvent.ToolExecuted t && t.name().equals("book"));
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(calendar.booked).containsExactly("9:00");
        assertThat(session.history().items())
                .anySatisfy(item -> assertThat(item)
                        .isInstanceOfSatisfying(
                                FunctionCallOutput.class,
                                out -> assertThat(out.output()).isEqualTo("booked 9:00")));
    }

    @Test
    void endCallRunsAfterTheGoodbyeWasHeard() throws InterruptedException {
        llm.answer(FakeLlm.Answer.text("Auf Wiederhören!").withToolCall("end_call", "{}"));
        start(Agent.of("Sie sind Sofia.", Tools.from(new Calendar())), fast());
        await(state(AgentState.LISTENING));

        stt.willHear("Das war alles, danke.");
        caller.speak(Duration.ofMillis(500));

        SessionEvent.Closed closed = session.awaitClosed(WAIT).orElseThrow();
        assertThat(closed.reason()).isEqualTo(SessionEvent.CloseReason.ENDED_BY_AGENT);
        assertThat(transcripts.agent).contains("Auf Wiederhören!");
        assertThat(speaker.audibleFrames()).isGreaterThan(10);
    }

    @Test
    void endCallDoesNotRunWhenItsAnswerWasCutOff() throws InterruptedException {
        llm.answer(FakeLlm.Answer.text(
                                "Gut, dann wünsche ich Ihnen noch einen schönen Tag und beende jetzt das Gespräch. "
                                        + "Auf Wiederhören und bis zum nächsten Mal in unserer Praxis!")
                        .withToolCall("end_call", "{}"))
                .answer("Ja, bitte?");
        start(Agent.of("Sie sind Sofia.", Tools.from(new Calendar())), fast());
        await(state(AgentState.LISTENING));

        stt.willHear("Das war alles.");
        caller.speak(Duration.ofMillis(500));
        await(state(AgentState.SPEAKING));
        stt.willHear("Moment, noch eine Frage!");
        caller.speak(Duration.ofMillis(500));

        await(e -> e instanceof SessionEvent.ToolSkipped s && s.name().equals("end_call"));
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(session.isClosed()).isFalse();
    }

    @Test
    void aSilentCallerIsAskedThenToldGoodbye() throws InterruptedException {
        start(Agent.of("Sie sind Sofia.", List.of()), fast().withUserAwayTimeout(Duration.ofMillis(400)));

        SessionEvent.Closed closed = session.awaitClosed(WAIT).orElseThrow();

        assertThat(closed.reason()).isEqualTo(SessionEvent.CloseReason.USER_AWAY);
        assertThat(String.join(" ", tts.spoken()))
                .isEqualTo(SessionPhrases.GERMAN.stillThere() + " " + SessionPhrases.GERMAN.goodbyeAway());
    }

    @Test
    void aReplyPreparedDuringThePauseIsDroppedWhenTheCallerGoesOn() throws InterruptedException {
        llm.latency(Duration.ofMillis(50), Duration.ZERO)
                .respondWith(request -> FakeLlm.Answer.text("Antwort auf: "
                        + request.context()
                                .lastMessage(dev.sofia.agents.llm.ChatRole.USER)
                                .orElseThrow()
                                .text()));
        // a long endpointing delay: the first part's reply is prepared, then the caller goes on
        start(
                Agent.of("Sie sind Sofia.", List.of()),
                fast().withEndpointing(Duration.ofMillis(700), Duration.ofMillis(700)));
        await(state(AgentState.LISTENING));

        stt.willHear("Ich hätte gern einen Termin");
        stt.willHear("am Dienstag.");
        caller.speak(Duration.ofMillis(400));
        await(e -> e instanceof SessionEvent.UserTranscribed t && t.isFinal());
        // the first part's reply is being prepared now; the caller goes on before the turn ends
        caller.speak(Duration.ofMillis(400));
        await(e -> e instanceof SessionEvent.Metrics m && !m.metrics().interrupted());

        assertThat(llm.requests()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(llm.requests()
                        .getFirst()
                        .context()
                        .lastMessage(ChatRole.USER)
                        .orElseThrow()
                        .text())
                .isEqualTo("Ich hätte gern einen Termin");
        ChatMessage answer = session.history().lastMessage(ChatRole.ASSISTANT).orElseThrow();
        assertThat(answer.text()).isEqualTo("Antwort auf: Ich hätte gern einen Termin am Dienstag.");
        assertThat(transcripts.agent).containsExactly("Antwort auf: Ich hätte gern einen Termin am Dienstag.");
        assertThat(session.history().items().stream()
                        .filter(i -> i instanceof ChatMessage m && m.role() == ChatRole.USER))
                .hasSize(1);
    }

    public static final class SlowTools {
        @Tool("Looks up something slowly.")
        public String lookUp() throws InterruptedException {
            Thread.sleep(400);
            return "found";
        }
    }

    @Test
    void aSlowToolMakesTheAgentSayAFillerAndToolRoundsAreCapped() throws InterruptedException {
        // the model would call the tool forever: after maxToolSteps rounds it must answer without tools
        llm.respondWith(request -> request.toolChoice() == dev.sofia.agents.llm.ToolChoice.NONE
                ? FakeLlm.Answer.text("Ich habe es gefunden.")
                : FakeLlm.Answer.toolCall("look_up", "{}"));
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        session = AgentSession.builder()
                .stt(stt)
                .llm(llm)
                .tts(tts)
                .vad(new FakeVad(Duration.ofMillis(150)))
                .options(fast().withTools(2, Duration.ofMillis(150)))
                .meterRegistry(registry)
                .build();
        session.addListener(e -> events.add(new Timed(System.nanoTime(), e)));
        session.start(
                Agent.of("Sie sind Sofia.", Tools.from(new SlowTools())), new SessionIo(caller, speaker, transcripts));
        await(state(AgentState.LISTENING));

        stt.willHear("Können Sie das nachsehen?");
        caller.speak(Duration.ofMillis(400));
        await(e -> e instanceof SessionEvent.Metrics m && !m.metrics().interrupted());

        assertThat(events.stream().filter(t -> t.event() instanceof SessionEvent.ToolExecuted))
                .hasSize(2);
        assertThat(llm.requests()).hasSize(3);
        assertThat(llm.requests().getLast().toolChoice()).isEqualTo(dev.sofia.agents.llm.ToolChoice.NONE);
        assertThat(tts.spoken()).contains(SessionPhrases.GERMAN.oneMoment(), "Ich habe es gefunden.");
        assertThat(registry.get("sofia.agent.turn.response").timer().count()).isEqualTo(1);
        assertThat(registry.get("sofia.agent.turn.llm_ttft").timer().count()).isEqualTo(1);
    }
}
