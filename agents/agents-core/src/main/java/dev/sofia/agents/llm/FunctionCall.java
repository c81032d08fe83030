package dev.sofia.agents.llm;

import java.time.Instant;
import java.util.UUID;

/** A tool call the model made: its call id, the tool's name and the arguments as a JSON object. */
public record FunctionCall(String id, String callId, String name, String arguments, Instant createdAt)
        implements ChatItem {

    public static FunctionCall of(ToolCall call) {
        return new FunctionCall(
                "call_" + UUID.randomUUID(), call.callId(), call.name(), call.arguments(), Instant.now());
    }
}
