package dev.sofia.agents.llm;

import java.time.Instant;

/** One entry of a conversation: a message, a tool call the model made, or that call's output. */
public sealed interface ChatItem permits ChatMessage, FunctionCall, FunctionCallOutput {

    /** Unique within a context; lets an entry be replaced or removed. */
    String id();

    Instant createdAt();
}
