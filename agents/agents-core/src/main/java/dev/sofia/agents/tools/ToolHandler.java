package dev.sofia.agents.tools;

import tools.jackson.databind.JsonNode;

/** Runs a tool with its (untrusted) arguments; returns what the model reads. */
@FunctionalInterface
public interface ToolHandler {

    /**
     * @throws ToolError for a failure the model may read
     * @throws Exception anything else: reported to the model as a generic failure, logged
     */
    String invoke(JsonNode arguments, ToolContext context) throws Exception;
}
