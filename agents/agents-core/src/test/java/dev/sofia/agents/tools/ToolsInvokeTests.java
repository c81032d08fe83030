package dev.sofia.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ToolsInvokeTests {

    enum Urgency {
        ROUTINE,
        PAIN
    }

    record Slot(LocalDate day, LocalTime time, String room) {}

    static class Practice {
        final List<String> calls = new ArrayList<>();

        @Tool("Books an appointment")
        public String book(LocalDate day, LocalTime time, Urgency urgency, Optional<String> note, ToolContext context) {
            calls.add(day + " " + time + " " + urgency + " " + note.orElse("-") + " " + context.callId());
            return "Gebucht.";
        }

        @Tool("Counts")
        public String count(int times, @Nullable String label) {
            return times + " " + (label == null ? "none" : label);
        }

        @Tool("Finds slots")
        public List<Slot> findSlots(LocalDate day) {
            return List.of(new Slot(day, LocalTime.of(10, 30), "A"));
        }

        @Tool("Cancels")
        public void cancel(String id) {
            if (id.equals("taken")) {
                throw new ToolError("Dieser Termin gehört jemand anderem.");
            }
            calls.add("cancel " + id);
        }

        @Tool("Breaks")
        public String fail() {
            throw new IllegalStateException("database password is hunter2");
        }
    }

    private final Practice practice = new Practice();
    private final List<FunctionTool> tools = Tools.from(practice);
    private final ToolContext context = ToolContext.of("call-1", "book");

    @Test
    void aValidCallConvertsTheArguments() {
        ToolResult result = invoke("book", """
                {"day": "2025-05-03", "time": "10:30", "urgency": "PAIN", "note": "Zahnschmerzen"}""");

        assertThat(result).isEqualTo(ToolResult.ok("Gebucht."));
        assertThat(practice.calls).containsExactly("2025-05-03 10:30 PAIN Zahnschmerzen call-1");
    }

    @Test
    void enumsMatchCaseInsensitivelyAndOptionalsMayBeLeftOut() {
        assertThat(invoke("book", """
                {"day": "2025-05-03", "time": "09:00", "urgency": "routine"}""").isError()).isFalse();
        assertThat(practice.calls).containsExactly("2025-05-03 09:00 ROUTINE - call-1");
        assertThat(invoke("count", "{\"times\": 2}")).isEqualTo(ToolResult.ok("2 none"));
        assertThat(invoke("count", "{\"times\": 2, \"label\": null}")).isEqualTo(ToolResult.ok("2 none"));
    }

    @Test
    void malformedJsonAsksForAnotherTry() {
        ToolResult result = invoke("book", "{\"day\": ");
        assertThat(result.isError()).isTrue();
        assertThat(result.output()).contains("not valid JSON").contains("book");
    }

    @Test
    void argumentsMustBeAnObject() {
        assertThat(invoke("book", "[1, 2]")).isEqualTo(ToolResult.error("The arguments must be a JSON object."));
        assertThat(invoke("book", "\"text\"").isError()).isTrue();
    }

    @Test
    void aMissingRequiredArgumentIsNamed() {
        assertThat(invoke("book", "{\"day\": \"2025-05-03\", \"urgency\": \"PAIN\"}"))
                .isEqualTo(ToolResult.error("Missing argument 'time'."));
        assertThat(invoke("count", "{}")).isEqualTo(ToolResult.error("Missing argument 'times'."));
        assertThat(invoke("count", "")).isEqualTo(ToolResult.error("Missing argument 'times'."));
        assertThat(practice.calls).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        ToolResult result = invoke("count", "{\"times\": {\"n\": 2}}");
        assertThat(result.isError()).isTrue();
        assertThat(result.output()).startsWith("Argument 'times' is not valid");

        ToolResult date = invoke("book", """
                {"day": "3. Mai", "time": "10:30", "urgency": "PAIN"}""");
        assertThat(date.output()).startsWith("Argument 'day' is not valid");
    }

    @Test
    void anUnknownEnumConstantIsAnError() {
        ToolResult result = invoke("book", """
                {"day": "2025-05-03", "time": "10:30", "urgency": "SOON"}""");
        assertThat(result.isError()).isTrue();
        assertThat(result.output()).startsWith("Argument 'urgency' is not valid");
    }

    @Test
    void unknownArgumentsAreIgnored() {
        assertThat(invoke("count", "{\"times\": 1, \"extra\": true}")).isEqualTo(ToolResult.ok("1 none"));
    }

    @Test
    void aToolErrorReachesTheModelAsIs() {
        assertThat(invoke("cancel", "{\"id\": \"taken\"}"))
                .isEqualTo(ToolResult.error("Dieser Termin gehört jemand anderem."));
    }

    @Test
    void anUnexpectedExceptionBecomesAGenericMessage() {
        ToolResult result = invoke("fail", "{}");
        assertThat(result.isError()).isTrue();
        assertThat(result.output()).contains("failed unexpectedly").doesNotContain("hunter2");
    }

    @Test
    void recordsAreReturnedAsJsonAndVoidAsDone() {
        assertThat(invoke("find_slots", "{\"day\": \"2025-05-03\"}"))
                .isEqualTo(ToolResult.ok("[{\"day\":\"2025-05-03\",\"time\":\"10:30:00\",\"room\":\"A\"}]"));
        assertThat(invoke("cancel", "{\"id\": \"a1\"}")).isEqualTo(ToolResult.ok("Done."));
        assertThat(practice.calls).containsExactly("cancel a1");
    }

    @Test
    void anInterruptedToolIsCancelled() {
        FunctionTool sleeper =
                new FunctionTool("sleep", "Sleeps", Tools.JSON.createObjectNode(), true, false, (arguments, ctx) -> {
                    throw new InterruptedException();
                });
        assertThat(Tools.invoke(sleeper, "{}", context)).isEqualTo(ToolResult.error("The tool was cancelled."));
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void handWrittenToolsNeedAValidNameAndADescription() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new FunctionTool("find slots", "x", Tools.JSON.createObjectNode(), true, false, (a, c) -> ""))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new FunctionTool("find_slots", " ", Tools.JSON.createObjectNode(), true, false, (a, c) -> ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ToolResult invoke(String name, String arguments) {
        FunctionTool tool =
                tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        return Tools.invoke(tool, arguments, context);
    }
}
