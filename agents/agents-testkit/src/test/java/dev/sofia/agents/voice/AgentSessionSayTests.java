package dev.sofia.agents.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link AgentSession#say}: what it tells its caller about whether the text was heard. */
class AgentSessionSayTests extends AgentSessionTestBase {

    @Test
    void aTextSaidInFullCompletesTrueOnceItWasPlayed() throws Exception {
        start(Agent.of("Sie sind Sofia.", List.of()), fast());
        await(state(AgentState.LISTENING));

        CompletableFuture<Boolean> spoken = session.say("Ich verbinde Sie mit dem Notdienst.");

        assertThat(spoken.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(transcripts.agent).contains("Ich verbinde Sie mit dem Notdienst.");
        assertThat(session.state()).isEqualTo(AgentState.LISTENING);
    }

    @Test
    void aTextCutOffByTheCallerCompletesFalse() throws Exception {
        start(Agent.of("Sie sind Sofia.", List.of()), fast());
        await(state(AgentState.LISTENING));

        CompletableFuture<Boolean> spoken = session.say("Unsere Praxis hat montags bis freitags geöffnet, "
                + "mittwochs nur vormittags, und Parkplätze finden Sie direkt vor dem Haus in der Hauptstraße.");
        await(state(AgentState.SPEAKING));
        stt.willHear("Moment bitte.");
        caller.speak(Duration.ofMillis(600));

        assertThat(spoken.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aTextSaidToAClosedSessionCompletesFalseAtOnce() throws Exception {
        start(Agent.of("Sie sind Sofia.", List.of()), fast());
        await(state(AgentState.LISTENING));
        session.close();
        session.awaitClosed(WAIT);

        assertThat(session.say("Hallo?").get(1, TimeUnit.SECONDS)).isFalse();
    }
}
