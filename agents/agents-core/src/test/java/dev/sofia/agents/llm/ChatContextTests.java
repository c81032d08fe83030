package dev.sofia.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatContextTests {

    @Test
    void aCopyIsIndependentOfTheOriginal() {
        ChatContext original = ChatContext.withInstructions("Be brief.").addMessage(ChatRole.USER, "Hallo");
        ChatContext copy = original.copy();

        original.addMessage(ChatRole.ASSISTANT, "Guten Tag");
        copy.setInstructions("Be verbose.");

        assertThat(original.size()).isEqualTo(3);
        assertThat(copy.size()).isEqualTo(2);
        assertThat(text(original.items().getFirst())).isEqualTo("Be brief.");
        assertThat(text(copy.items().getFirst())).isEqualTo("Be verbose.");
    }

    @Test
    void itemsIsAnUnmodifiableSnapshot() {
        ChatContext context = new ChatContext().addMessage(ChatRole.USER, "a");
        List<ChatItem> items = context.items();
        context.addMessage(ChatRole.USER, "b");
        assertThat(items).hasSize(1);
        assertThatThrownBy(() -> items.add(ChatMessage.of(ChatRole.USER, "c")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void replaceAndRemoveFindItemsById() {
        ChatMessage answer = ChatMessage.of(ChatRole.ASSISTANT, "Ihr Termin ist am Montag um zehn Uhr.");
        ChatContext context =
                new ChatContext().addMessage(ChatRole.USER, "Wann?").add(answer);

        assertThat(context.replace(answer.withText("Ihr Termin ist", true))).isTrue();
        assertThat(context.lastMessage(ChatRole.ASSISTANT)).hasValueSatisfying(m -> {
            assertThat(m.text()).isEqualTo("Ihr Termin ist");
            assertThat(m.interrupted()).isTrue();
        });
        assertThat(context.replace(ChatMessage.of(ChatRole.USER, "unknown"))).isFalse();

        assertThat(context.remove(answer.id())).isTrue();
        assertThat(context.remove(answer.id())).isFalse();
        assertThat(context.lastMessage(ChatRole.ASSISTANT)).isEmpty();
    }

    @Test
    void setInstructionsReplacesTheLeadingSystemMessageOrAddsOne() {
        ChatContext context = new ChatContext().addMessage(ChatRole.USER, "Hallo");
        context.setInstructions("First.");
        context.setInstructions("Second.");

        assertThat(context.items()).hasSize(2);
        assertThat(context.items().getFirst()).isInstanceOfSatisfying(ChatMessage.class, m -> {
            assertThat(m.role()).isEqualTo(ChatRole.SYSTEM);
            assertThat(m.text()).isEqualTo("Second.");
        });
    }

    @Test
    void truncatedKeepsTheInstructionsAndTheLatestItems() {
        ChatContext context = ChatContext.withInstructions("Be brief.");
        for (int i = 1; i <= 6; i++) {
            context.addMessage(i % 2 == 1 ? ChatRole.USER : ChatRole.ASSISTANT, "m" + i);
        }

        ChatContext truncated = context.truncated(3);

        assertThat(truncated.items()).extracting(ChatContextTests::text).containsExactly("Be brief.", "m4", "m5", "m6");
        assertThat(context.size()).isEqualTo(7);
        assertThatThrownBy(() -> context.truncated(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncatedNeverStartsWithAnOrphanToolOutput() {
        FunctionCall call = FunctionCall.of(new ToolCall("c1", "find_slots", "{}"));
        ChatContext context = ChatContext.withInstructions("Be brief.")
                .addMessage(ChatRole.USER, "Termin?")
                .add(call)
                .add(FunctionCallOutput.of("c1", "find_slots", "Montag 10 Uhr", false))
                .addMessage(ChatRole.ASSISTANT, "Montag um zehn?");

        ChatContext truncated = context.truncated(2);

        assertThat(truncated.items())
                .extracting(ChatContextTests::text)
                .containsExactly("Be brief.", "Montag um zehn?");
    }

    @Test
    void truncatedDropsEveryOutputWhoseCallWasCutOff() {
        // Parallel tool calls: both calls come before both outputs.
        ChatContext context = ChatContext.withInstructions("Be brief.")
                .addMessage(ChatRole.USER, "Termin?")
                .add(FunctionCall.of(new ToolCall("c1", "find_slots", "{}")))
                .add(FunctionCall.of(new ToolCall("c2", "find_patient", "{}")))
                .add(FunctionCallOutput.of("c1", "find_slots", "Montag", false))
                .add(FunctionCallOutput.of("c2", "find_patient", "Frau Weber", false));

        ChatContext truncated = context.truncated(3);

        assertThat(truncated.items())
                .extracting(ChatContextTests::text)
                .containsExactly("Be brief.", "call:c2", "out:c2");
    }

    @Test
    void truncatedWithoutInstructionsKeepsOnlyTheLatest() {
        ChatContext context = new ChatContext()
                .addMessage(ChatRole.USER, "a")
                .addMessage(ChatRole.ASSISTANT, "b")
                .addMessage(ChatRole.USER, "c");
        assertThat(context.truncated(2).items())
                .extracting(ChatContextTests::text)
                .containsExactly("b", "c");
        assertThat(context.truncated(10).size()).isEqualTo(3);
    }

    private static String text(ChatItem item) {
        return switch (item) {
            case ChatMessage m -> m.text();
            case FunctionCall c -> "call:" + c.callId();
            case FunctionCallOutput o -> "out:" + o.callId();
        };
    }
}
