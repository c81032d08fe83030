package dev.sofia.agents.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.testkit.FakeLlm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentSessionErrorTests extends AgentSessionTestBase {
    @Test
    void aModelFailureIsAnsweredWithTheApologyAndTooManyEndTheCall() throws InterruptedException {
        llm.respondWith(request -> FakeLlm.Answer.failing(new ProviderStatusException("fake.llm", 500, "down")));
        start(Agent.of("Sie sind Sofia.", List.of()), fast().withMaxUnrecoverableErrors(2));
        await(state(AgentState.LISTENING));

        stt.willHear("Hallo?");
        caller.speak(Duration.ofMillis(400));
        await(e -> e instanceof SessionEvent.Error err && err.source().equals("llm"));
        await(state(AgentState.LISTENING));
        stt.willHear("Hallo, hören Sie mich?");
        caller.speak(Duration.ofMillis(400));

        SessionEvent.Closed closed = session.awaitClosed(WAIT).orElseThrow();
        assertThat(closed.reason()).isEqualTo(SessionEvent.CloseReason.ERRORS);
        assertThat(String.join(" ", tts.spoken()))
                .isEqualTo(SessionPhrases.GERMAN.technicalTrouble() + " " + SessionPhrases.GERMAN.goodbyeErrors());
    }

    @Test
    void aRecognitionFailureMakesTheAgentAskToRepeatAndRecognitionGoesOn() throws InterruptedException {
        llm.answer("Gern.");
        start(Agent.of("Sie sind Sofia.", List.of()), fast());
        await(state(AgentState.LISTENING));

        stt.failWith(new ProviderConnectionException("fake.stt", "socket closed", null));
        caller.speak(Duration.ofMillis(300));
        await(e -> e instanceof SessionEvent.Error err && err.source().equals("stt"));
        stt.failWith(null);
        await(e -> e instanceof SessionEvent.ItemAdded i
                && i.item() instanceof ChatMessage m
                && m.text().equals(SessionPhrases.GERMAN.pleaseRepeat()));
        events.clear();
        await(state(AgentState.LISTENING));

        stt.willHear("Ich möchte einen Termin.");
        caller.speak(Duration.ofMillis(400));
        await(e -> e instanceof SessionEvent.UserTranscribed t && t.isFinal());
        await(e -> e instanceof SessionEvent.ItemAdded i
                && i.item() instanceof ChatMessage m
                && m.role() == ChatRole.ASSISTANT
                && m.text().equals("Gern."));
    }

    @Test
    void whenSpeechFailsTheReplyStillReachesTheTranscript() throws InterruptedException {
        llm.answer("Wir haben montags bis freitags von acht bis achtzehn Uhr geöffnet.");
        start(Agent.of("Sie sind Sofia.", List.of()), fast());
        await(state(AgentState.LISTENING));

        tts.failWith(new ProviderStatusException("fake.tts", 503, "overloaded"));
        stt.willHear("Wann haben Sie offen?");
        caller.speak(Duration.ofMillis(400));

        await(e -> e instanceof SessionEvent.Error err && err.source().equals("tts"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (transcripts.agent.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(String.join(" ", transcripts.agent)).contains("montags bis freitags");
    }
}
