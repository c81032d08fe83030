package dev.sofia.agents.testkit;

import dev.sofia.agents.llm.ChatItem;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Expectations on one conversation item (see {@link Conversation}); each fails with an AssertionError. */
public final class ItemExpectation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChatItem item;

    ItemExpectation(ChatItem item) {
        this.item = item;
    }

    public ChatItem item() {
        return item;
    }

    public ItemExpectation isToolCall(String name) {
        if (!(item instanceof FunctionCall call) || !call.name().equals(name)) {
            throw new AssertionError("expected a call of tool " + name + ", got " + item);
        }
        return this;
    }

    /** The tool call's argument {@code name} equals {@code expected} (compared as text). */
    public ItemExpectation hasArgument(String name, Object expected) {
        if (!(item instanceof FunctionCall call)) {
            throw new AssertionError("expected a tool call, got " + item);
        }
        JsonNode value = JSON.readTree(call.arguments()).get(name);
        if (value == null || !value.asString().equals(String.valueOf(expected))) {
            throw new AssertionError("expected argument " + name + " = " + expected + " in " + call.arguments());
        }
        return this;
    }

    public ItemExpectation isToolOutput() {
        if (!(item instanceof FunctionCallOutput)) {
            throw new AssertionError("expected a tool output, got " + item);
        }
        return this;
    }

    public ItemExpectation isToolError() {
        if (!(item instanceof FunctionCallOutput output) || !output.isError()) {
            throw new AssertionError("expected a tool error, got " + item);
        }
        return this;
    }

    public ItemExpectation isAssistantMessage() {
        if (!(item instanceof ChatMessage message) || message.role() != ChatRole.ASSISTANT) {
            throw new AssertionError("expected a message of the agent, got " + item);
        }
        return this;
    }

    /** The item's text (a message's text, a tool output, a call's arguments) contains {@code part}. */
    public ItemExpectation contains(String part) {
        String text = switch (item) {
            case ChatMessage m -> m.text();
            case FunctionCallOutput o -> o.output();
            case FunctionCall c -> c.arguments();
        };
        if (!text.contains(part)) {
            throw new AssertionError("expected \"" + part + "\" in \"" + text + "\"");
        }
        return this;
    }
}
