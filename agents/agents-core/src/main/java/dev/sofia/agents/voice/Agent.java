package dev.sofia.agents.voice;

import dev.sofia.agents.tools.FunctionTool;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who the agent is: its instructions (the system prompt), the tools it may call, what it says
 * first (nothing if {@code null}: it waits for the caller), and the phrases the session speaks on
 * its own.
 */
public record Agent(
        String instructions,
        List<FunctionTool> tools,
        @Nullable String greeting,
        SessionPhrases phrases) {

    public Agent {
        tools = List.copyOf(tools);
    }

    public static Agent of(String instructions, List<FunctionTool> tools) {
        return new Agent(instructions, tools, null, SessionPhrases.GERMAN);
    }

    public Agent withGreeting(String text) {
        return new Agent(instructions, tools, text, phrases);
    }

    public Agent withPhrases(SessionPhrases newPhrases) {
        return new Agent(instructions, tools, greeting, newPhrases);
    }
}
