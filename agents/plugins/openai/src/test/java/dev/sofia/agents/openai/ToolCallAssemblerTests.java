package dev.sofia.agents.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.ToolCall;
import org.junit.jupiter.api.Test;

class ToolCallAssemblerTests {

    private final ToolCallAssembler calls = new ToolCallAssembler();

    @Test
    void aCallIsCompleteWhenTheNextBeginsAndTheLastAtTheFinish() {
        assertThat(calls.add(0, "call_a", "find_slots", "")).isEmpty();
        assertThat(calls.add(0, "", "", "{\"da")).isEmpty();
        assertThat(calls.add(0, "", "", "te\":1}")).isEmpty();
        assertThat(calls.add(1, "call_b", "book", "{}"))
                .containsExactly(new ToolCall("call_a", "find_slots", "{\"date\":1}"));
        assertThat(calls.finish()).containsExactly(new ToolCall("call_b", "book", "{}"));
        assertThat(calls.finish()).isEmpty();
    }

    @Test
    void aCallWithoutArgumentsGetsAnEmptyObject() {
        calls.add(0, "call_a", "end_call", "");

        assertThat(calls.finish()).containsExactly(new ToolCall("call_a", "end_call", "{}"));
    }
}
