package dev.sofia.agents.llm;

import java.time.Instant;
import java.util.UUID;

/** What a tool call returned (or the error the model may read), answering {@code callId}. */
public record FunctionCallOutput(
        String id, String callId, String name, String output, boolean isError, Instant createdAt) implements ChatItem {

    public static FunctionCallOutput of(String callId, String name, String output, boolean isError) {
        return new FunctionCallOutput("out_" + UUID.randomUUID(), callId, name, output, isError, Instant.now());
    }
}
