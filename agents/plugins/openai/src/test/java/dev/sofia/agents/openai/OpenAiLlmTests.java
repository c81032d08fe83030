package dev.sofia.agents.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.llm.ChatChunk;
import dev.sofia.agents.llm.ChatContext;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.CompletionUsage;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.agents.llm.LlmMetrics;
import dev.sofia.agents.llm.LlmStream;
import dev.sofia.agents.llm.ToolCall;
import dev.sofia.agents.llm.ToolChoice;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderEvent;
import dev.sofia.agents.testkit.openai.ChatReply;
import dev.sofia.agents.testkit.openai.FakeEndpoint;
import dev.sofia.agents.testkit.openai.FakeLatency;
import dev.sofia.agents.testkit.openai.FakeOpenAiServer;
import dev.sofia.agents.testkit.openai.FakeToolCall;
import dev.sofia.agents.tools.FunctionTool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenAiLlmTests {

    private final FakeOpenAiServer server = FakeOpenAiServer.start("sk-test-llm");
    private final OpenAiLlm llm = new OpenAiLlm(
            OpenAiLlmOptions.of(server.apiKey()).withBaseUrl(server.baseUrl()).withModel("gpt-test"));
    private final List<ProviderEvent> events = new CopyOnWriteArrayList<>();

    {
        llm.setConnectOptions(new ConnectOptions(2, Duration.ofMillis(20), Duration.ofSeconds(5)));
        llm.addListener(events::add);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void streamsTextAsItArrivesAndSendsTheConversation() throws Exception {
        server.enqueueChat(ChatReply.text("Guten", " Tag", "!"));
        ChatContext context = ChatContext.withInstructions("Du bist Sofia.")
                .addMessage(ChatRole.DEVELOPER, "Sei kurz.")
                .addMessage(ChatRole.USER, "Hallo")
                .addMessage(ChatRole.ASSISTANT, "Hallo, wie kann ich helfen?")
                .addMessage(ChatRole.USER, "Einen Termin bitte");

        List<ChatChunk> chunks = drain(llm.chat(ChatRequest.of(context)));

        assertThat(texts(chunks)).containsExactly("Guten", " Tag", "!");
        assertThat(chunks).allSatisfy(c -> assertThat(c.requestId()).startsWith("chatcmpl-"));
        JsonNode sent =
                server.requests(FakeEndpoint.CHAT_COMPLETIONS).getFirst().requireJson();
        assertThat(server.requests().getFirst().header("authorization")).isEqualTo("Bearer sk-test-llm");
        assertThat(sent.path("model").asString()).isEqualTo("gpt-test");
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
        assertThat(sent.has("tools")).isFalse();
        assertThat(sent.has("tool_choice")).isFalse();
        assertThat(roles(sent)).containsExactly("system", "developer", "user", "assistant", "user");
        assertThat(sent.path("messages").get(0).path("content").asString()).isEqualTo("Du bist Sofia.");
        assertThat(sent.path("messages").get(4).path("content").asString()).isEqualTo("Einen Termin bitte");
    }

    @Test
    void reportsUsageAndMetrics() throws Exception {
        server.enqueueChat(ChatReply.text("Ja").withUsage(42, 7, 30));

        List<ChatChunk> chunks = drain(llm.chat(ChatRequest.of(ChatContext.withInstructions("x"))));

        assertThat(chunks.getLast().usage()).isEqualTo(new CompletionUsage(42, 7, 30));
        LlmMetrics metrics = awaitEvent(LlmMetrics.class);
        assertThat(metrics.usage()).isEqualTo(new CompletionUsage(42, 7, 30));
        assertThat(metrics.timeToFirstToken()).isNotNull();
        assertThat(metrics.cancelled()).isFalse();
    }

    @Test
    void sendsToolsAndAssemblesACallWhoseArgumentsArriveInPieces() throws Exception {
        server.enqueueChat(ChatReply.toolCalls(
                        new FakeToolCall("call_1", "find_slots", "{\"date\":\"2025-03-04\",\"minutes\":30}"))
                .withArgumentPieces(5));
        ChatRequest request = new ChatRequest(
                ChatContext.withInstructions("x").addMessage(ChatRole.USER, "Morgen?"),
                List.of(findSlots()),
                ToolChoice.REQUIRED,
                false,
                0.2);

        List<ChatChunk> chunks = drain(llm.chat(request));

        assertThat(toolCalls(chunks))
                .containsExactly(new ToolCall("call_1", "find_slots", "{\"date\":\"2025-03-04\",\"minutes\":30}"));
        assertThat(texts(chunks)).isEmpty();
        JsonNode sent = server.requests().getFirst().requireJson();
        JsonNode function = sent.path("tools").get(0).path("function");
        assertThat(sent.path("tools").get(0).path("type").asString()).isEqualTo("function");
        assertThat(function.path("name").asString()).isEqualTo("find_slots");
        assertThat(function.path("description").asString()).isEqualTo("Finds free appointment slots.");
        assertThat(function.path("parameters")).isEqualTo(findSlots().parameters());
        assertThat(sent.path("tool_choice").asString()).isEqualTo("required");
        assertThat(sent.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
    }

    @Test
    void emitsParallelCallsOneByOneAsEachCompletes() throws Exception {
        server.enqueueChat(ChatReply.text("Ich schaue nach.")
                .withToolCalls(
                        new FakeToolCall("call_a", "find_slots", "{\"date\":\"2025-03-04\"}"),
                        new FakeToolCall("call_b", "find_slots", "{\"date\":\"2025-03-05\"}"))
                .withArgumentPieces(3));

        List<ChatChunk> chunks =
                drain(llm.chat(ChatRequest.of(ChatContext.withInstructions("x"), List.of(findSlots()))));

        List<ChatChunk> withCalls =
                chunks.stream().filter(c -> !c.toolCalls().isEmpty()).toList();
        assertThat(withCalls).hasSize(2); // the first as soon as the second began, the second at the finish
        assertThat(toolCalls(chunks))
                .containsExactly(
                        new ToolCall("call_a", "find_slots", "{\"date\":\"2025-03-04\"}"),
                        new ToolCall("call_b", "find_slots", "{\"date\":\"2025-03-05\"}"));
        assertThat(String.join("", texts(chunks))).isEqualTo("Ich schaue nach.");
    }

    @Test
    void sendsToolCallsAndTheirOutputsBack() throws Exception {
        server.enqueueChat(ChatReply.text("Am Dienstag um 9."));
        ChatContext context = ChatContext.withInstructions("x").addMessage(ChatRole.USER, "Termine?");
        context.add(FunctionCall.of(new ToolCall("call_a", "find_slots", "{\"date\":\"2025-03-04\"}")));
        context.add(FunctionCall.of(new ToolCall("call_b", "find_slots", "{\"date\":\"2025-03-05\"}")));
        context.add(FunctionCallOutput.of("call_a", "find_slots", "09:00", false));
        context.add(FunctionCallOutput.of("call_b", "find_slots", "Kalender nicht erreichbar", true));

        drain(llm.chat(ChatRequest.of(context, List.of(findSlots()))));

        JsonNode messages = server.requests().getFirst().requireJson().path("messages");
        assertThat(roles(server.requests().getFirst().requireJson()))
                .containsExactly("system", "user", "assistant", "tool", "tool");
        JsonNode calls = messages.get(2).path("tool_calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path("id").asString()).isEqualTo("call_a");
        assertThat(calls.get(0).path("type").asString()).isEqualTo("function");
        assertThat(calls.get(1).path("function").path("arguments").asString()).isEqualTo("{\"date\":\"2025-03-05\"}");
        assertThat(messages.get(3).path("tool_call_id").asString()).isEqualTo("call_a");
        assertThat(messages.get(3).path("content").asString()).isEqualTo("09:00");
        assertThat(messages.get(4).path("tool_call_id").asString()).isEqualTo("call_b");
        assertThat(messages.get(4).path("content").asString()).isEqualTo("Kalender nicht erreichbar");
    }

    @Test
    void closingTheStreamCancelsTheRequest() throws Exception {
        String[] pieces = new String[200];
        java.util.Arrays.fill(pieces, "bla ");
        server.enqueueChat(ChatReply.text(pieces));
        server.setLatency(FakeLatency.NONE.withBetweenTokens(Duration.ofMillis(20)));
        LlmStream stream = llm.chat(ChatRequest.of(ChatContext.withInstructions("x")));

        assertThat(stream.next()).isNotNull();
        assertThat(stream.next()).isNotNull();
        stream.close();

        assertThat(stream.next()).isNull();
        assertThat(server.awaitClientDisconnect(Duration.ofSeconds(5)))
                .as("the server saw the client go away")
                .isTrue();
        assertThat(awaitEvent(LlmMetrics.class).cancelled()).isTrue();
    }

    static FunctionTool findSlots() {
        ObjectNode schema = JsonMapper.shared().createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("date").put("type", "string").put("format", "date");
        schema.putArray("required").add("date");
        schema.put("additionalProperties", false);
        return new FunctionTool("find_slots", "Finds free appointment slots.", schema, true, false, (ctx, args) -> "");
    }

    static List<ChatChunk> drain(LlmStream stream) throws InterruptedException {
        try (stream) {
            List<ChatChunk> chunks = new ArrayList<>();
            for (ChatChunk chunk = stream.next(); chunk != null; chunk = stream.next()) {
                chunks.add(chunk);
            }
            return chunks;
        }
    }

    static List<String> texts(List<ChatChunk> chunks) {
        return chunks.stream().map(ChatChunk::text).filter(t -> !t.isEmpty()).toList();
    }

    static List<ToolCall> toolCalls(List<ChatChunk> chunks) {
        return chunks.stream().flatMap(c -> c.toolCalls().stream()).toList();
    }

    private static List<String> roles(JsonNode request) {
        List<String> roles = new ArrayList<>();
        request.path("messages").forEach(m -> roles.add(m.path("role").asString()));
        return roles;
    }

    private <T> T awaitEvent(Class<T> type) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (ProviderEvent event : events) {
                if (type.isInstance(event)) {
                    return type.cast(event);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + type.getSimpleName() + " among " + events);
    }
}
