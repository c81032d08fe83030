package dev.sofia.clinic.receptionist.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.ChatItem;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.agents.llm.ToolCall;
import dev.sofia.agents.testkit.Conversation;
import dev.sofia.agents.testkit.FakeLlm;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus with a scripted model: each scenario's answers drive the real tools over the demo
 * practice; each turn's tool calls must be the scripted ones, their errors the expected ones, and
 * the database must hold what the scenario expects — and nothing else.
 */
class ScriptedModelCorpusTests extends CorpusTestBase {

    static Stream<Scenario> scenarios() {
        return Corpus.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario) throws InterruptedException {
        FakeLlm llm = new FakeLlm();
        scenario.steps().forEach(step -> step.model().forEach(llm::answer));
        Conversation chat = startCall(scenario, (callServices, newCall) -> llm);
        List<String> transcript = new ArrayList<>();
        for (Scenario.Step step : scenario.steps()) {
            transcript.add("caller: " + step.caller());
            Conversation.Turn turn = chat.run(step.caller());
            turn.items().forEach(item -> transcript.add(describe(item)));
            try {
                checkTurn(step, turn);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + String.join("\n", transcript), e);
            }
        }
        int scripted = scenario.steps().stream().mapToInt(s -> s.model().size()).sum();
        assertThat(llm.requests())
                .as("the model was asked once per scripted answer")
                .hasSize(scripted);
        try {
            checkDatabase(scenario.expect());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + String.join("\n", transcript), e);
        }
    }

    /** The turn ran the scripted tools, they refused only where expected, and the checks hold. */
    private static void checkTurn(Scenario.Step step, Conversation.Turn turn) {
        List<String> scriptedCalls = step.model().stream()
                .flatMap(answer -> answer.toolCalls().stream())
                .map(ToolCall::name)
                .toList();
        List<FunctionCall> calls = turn.items().stream()
                .filter(FunctionCall.class::isInstance)
                .map(FunctionCall.class::cast)
                .toList();
        List<FunctionCallOutput> outputs = turn.items().stream()
                .filter(FunctionCallOutput.class::isInstance)
                .map(FunctionCallOutput.class::cast)
                .toList();
        assertThat(calls.stream().map(FunctionCall::name).toList())
                .as("tools called after \"%s\"", step.caller())
                .containsExactlyInAnyOrderElementsOf(scriptedCalls);
        assertThat(outputs).as("tool outputs after \"%s\"", step.caller()).hasSameSizeAs(calls);
        for (FunctionCallOutput output : outputs) {
            if (output.isError()) {
                assertThat(step.checks())
                        .as("%s refused unexpectedly: %s", output.name(), output.output())
                        .anyMatch(check -> check.error()
                                && check.tool().equals(output.name())
                                && output.output().contains(check.contains()));
            }
        }
        for (Scenario.ToolCheck check : step.checks()) {
            assertThat(outputs)
                    .as("after \"%s\": %s", step.caller(), check)
                    .anyMatch(output -> output.name().equals(check.tool())
                            && output.isError() == check.error()
                            && output.output().contains(check.contains()));
        }
    }

    static String describe(ChatItem item) {
        return switch (item) {
            case ChatMessage m ->
                "  " + m.role().name().toLowerCase() + ": " + m.text() + (m.interrupted() ? " [interrupted]" : "");
            case FunctionCall c -> "  call " + c.name() + " " + c.arguments();
            case FunctionCallOutput o -> "  " + (o.isError() ? "error " : "output ") + o.name() + " " + o.output();
        };
    }
}
