package dev.sofia.agents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.tools.Tool;
import dev.sofia.agents.tools.Tools;
import dev.sofia.agents.voice.Agent;
import org.junit.jupiter.api.Test;

class ConversationTests {

    public static final class Slots {
        @Tool("Finds free appointment slots on a day.")
        public String findFreeSlots(String day) {
            return "9:00, 11:30";
        }
    }

    private final FakeLlm llm = new FakeLlm();

    @Test
    void aTurnListsTheToolCallsTheirOutputsAndTheAnswerInOrder() throws Exception {
        llm.answer(FakeLlm.Answer.toolCall("find_free_slots", "{\"day\":\"morgen\"}"))
                .answer("Morgen um neun oder um halb zwölf.");
        try (Conversation conversation =
                Conversation.start(Agent.of("Sie sind Sofia.", Tools.from(new Slots())), llm)) {
            Conversation.Turn turn = conversation.run("Kann ich morgen kommen?");

            turn.expectNext().isToolCall("find_free_slots").hasArgument("day", "morgen");
            turn.expectNext().isToolOutput().contains("9:00");
            turn.expectNext().isAssistantMessage().contains("neun");
            turn.expectNoMore();
            assertThat(llm.requests().getLast().context().items())
                    .anySatisfy(item -> assertThat(item)
                            .isInstanceOfSatisfying(
                                    ChatMessage.class, m -> assertThat(m.role()).isEqualTo(ChatRole.USER)));
        }
    }

    @Test
    void aWrongExpectationFails() throws Exception {
        llm.answer("Guten Tag!");
        try (Conversation conversation =
                Conversation.start(Agent.of("Sie sind Sofia.", Tools.from(new Slots())), llm)) {
            Conversation.Turn turn = conversation.run("Hallo");

            assertThatThrownBy(() -> turn.expectNext().isToolCall("find_free_slots"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected a call of tool find_free_slots");
        }
    }

    @Test
    void aGreetingComesBeforeTheFirstTurn() throws Exception {
        llm.answer("Gern, wie ist Ihr Name?");
        try (Conversation conversation = Conversation.start(
                Agent.of("Sie sind Sofia.", Tools.from(new Slots())).withGreeting("Praxis am Park, guten Tag!"), llm)) {
            Conversation.Turn turn = conversation.run("Ich möchte einen Termin.");

            turn.expectNext().isAssistantMessage().contains("Name");
            turn.expectNoMore();
            assertThat(conversation.session().history().items().get(1))
                    .isInstanceOfSatisfying(
                            ChatMessage.class, m -> assertThat(m.text()).isEqualTo("Praxis am Park, guten Tag!"));
        }
    }
}
