package dev.sofia.agents.tools;

import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool as the model and the session see it: name, description, the JSON schema of its arguments
 * (an object), how it behaves under interruptions ({@link Tool#interruptible()}, {@link
 * Tool#afterPlayout()}), and its handler. Built from annotated methods by {@link Tools#from}, or by
 * hand.
 */
public record FunctionTool(
        String name,
        String description,
        ObjectNode parameters,
        boolean interruptible,
        boolean afterPlayout,
        ToolHandler handler) {

    /** The names providers accept (OpenAI: letters, digits, _ and -, at most 64). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public FunctionTool {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must match " + NAME + ": " + name);
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("tool " + name + " needs a description");
        }
        parameters = parameters.deepCopy();
    }
}
