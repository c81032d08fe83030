package dev.sofia.agents.tools;

/** What a tool call returned for the model: its output, or an error message it may read. */
public record ToolResult(String output, boolean isError) {

    public static ToolResult ok(String output) {
        return new ToolResult(output, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(message, true);
    }
}
