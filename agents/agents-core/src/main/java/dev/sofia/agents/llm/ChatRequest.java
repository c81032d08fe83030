package dev.sofia.agents.llm;

import dev.sofia.agents.tools.FunctionTool;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chat completion to stream: a snapshot of the conversation, the tools the model may call and
 * how, and an optional temperature (the provider's default when {@code null}).
 */
public record ChatRequest(
        ChatContext context,
        List<FunctionTool> tools,
        ToolChoice toolChoice,
        boolean parallelToolCalls,
        @Nullable Double temperature) {

    public ChatRequest {
        context = context.copy();
        tools = List.copyOf(tools);
    }

    public static ChatRequest of(ChatContext context, List<FunctionTool> tools) {
        return new ChatRequest(context, tools, ToolChoice.AUTO, true, null);
    }

    public static ChatRequest of(ChatContext context) {
        return of(context, List.of());
    }
}
