package dev.sofia.agents.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentSessionInterruptionTests extends AgentSessionTestBase {
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

    @Test
    void noiseWithoutWordsPausesTheAgentWhichThenGoesOn() throws InterruptedException {
        llm.answer(
                "Unsere Praxis liegt in der Hauptstraße zwölf, direkt gegenüber der Apotheke, mit Parkplätzen vor dem Haus.");
        start(
                Agent.of("Sie sind Sofia.", List.of()),
                fast().withInterruptions(true, Duration.ofMillis(200), 2, Duration.ofMillis(300)));
        await(state(AgentState.LISTENING));

        stt.willHear("Wo ist die Praxis?");
        caller.speak(Duration.ofMillis(400));
        await(state(AgentState.SPEAKING));
        TimeUnit.MILLISECONDS.sleep(300);
        caller.speak(Duration.ofMillis(300)); // a cough: nothing is recognised

        await(e -> e instanceof SessionEvent.FalseInterruption);
        await(state(AgentState.LISTENING));
        assertThat(events).noneMatch(t -> t.event() instanceof SessionEvent.ReplyInterrupted);
        assertThat(session.history()
                        .lastMessage(ChatRole.ASSISTANT)
                        .orElseThrow()
                        .interrupted())
                .isFalse();
    }
}
