package dev.sofia.agents.testkit.openai;

import java.util.List;

/**
 * A scripted, streamed chat completion: text deltas (one chunk each), then tool calls (each first
 * announced with its id and name, then its arguments in {@code argumentPieces} chunks), the finish
 * reason, and the usage chunk when the request asked for it. {@code dropAfterChunks} (≥ 0) makes
 * the server drop the connection after that many {@code data:} chunks, without {@code [DONE]}.
 */
public record ChatReply(
        List<String> textPieces,
        List<FakeToolCall> toolCalls,
        int argumentPieces,
        int promptTokens,
        int completionTokens,
        int cachedTokens,
        int dropAfterChunks)
        implements FakeReply {

    public ChatReply {
        textPieces = List.copyOf(textPieces);
        toolCalls = List.copyOf(toolCalls);
        if (argumentPieces < 1) {
            throw new IllegalArgumentException("argumentPieces < 1: " + argumentPieces);
        }
    }

    /** An answer streamed as these text pieces, one chunk each. */
    public static ChatReply text(String... pieces) {
        return new ChatReply(List.of(pieces), List.of(), 1, 10, pieces.length, 0, -1);
    }

    /** An answer that only calls tools (in parallel when there are several). */
    public static ChatReply toolCalls(FakeToolCall... calls) {
        return new ChatReply(List.of(), List.of(calls), 1, 10, calls.length, 0, -1);
    }

    /** The same answer, followed by these tool calls. */
    public ChatReply withToolCalls(FakeToolCall... calls) {
        return new ChatReply(
                textPieces,
                List.of(calls),
                argumentPieces,
                promptTokens,
                completionTokens,
                cachedTokens,
                dropAfterChunks);
    }

    /** Each tool call's arguments split into this many chunks (the last may be shorter). */
    public ChatReply withArgumentPieces(int pieces) {
        return new ChatReply(
                textPieces, toolCalls, pieces, promptTokens, completionTokens, cachedTokens, dropAfterChunks);
    }

    public ChatReply withUsage(int prompt, int completion, int cached) {
        return new ChatReply(textPieces, toolCalls, argumentPieces, prompt, completion, cached, dropAfterChunks);
    }

    /** Drops the connection after {@code chunks} data chunks were sent. */
    public ChatReply droppingAfter(int chunks) {
        return new ChatReply(
                textPieces, toolCalls, argumentPieces, promptTokens, completionTokens, cachedTokens, chunks);
    }
}
