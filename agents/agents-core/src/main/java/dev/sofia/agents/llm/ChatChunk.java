package dev.sofia.agents.llm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a streamed answer: text to append ({@code ""} if none), tool calls completed with this
 * chunk, and the usage (usually only on the last chunk).
 */
public record ChatChunk(
        String requestId,
        String text,
        List<ToolCall> toolCalls,
        @Nullable CompletionUsage usage) {

    public ChatChunk {
        toolCalls = List.copyOf(toolCalls);
    }

    public static ChatChunk text(String requestId, String text) {
        return new ChatChunk(requestId, text, List.of(), null);
    }

    public static ChatChunk toolCalls(String requestId, List<ToolCall> calls) {
        return new ChatChunk(requestId, "", calls, null);
    }

    public static ChatChunk usage(String requestId, CompletionUsage usage) {
        return new ChatChunk(requestId, "", List.of(), usage);
    }
}
