package dev.sofia.clinic.receptionist.offline;

import dev.sofia.agents.llm.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of the offline engine, as a model's: text Sofia speaks, tool calls the session runs
 * (it then asks the engine again with their outputs), or both (a goodbye with end_call).
 */
record Answer(String text, List<ToolCall> calls) {

    Answer {
        calls = List.copyOf(calls);
    }

    static Answer say(String text) {
        return new Answer(text, List.of());
    }

    static Answer silent() {
        return new Answer("", List.of());
    }

    /** A tool call; arguments given as name, value pairs, nulls left out. */
    static Answer call(String tool, Object... arguments) {
        return say("").and(tool, arguments);
    }

    Answer and(String tool, Object... arguments) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            if (arguments[i + 1] != null) {
                json.put((String) arguments[i], arguments[i + 1].toString());
            }
        }
        List<ToolCall> more = new ArrayList<>(calls);
        more.add(new ToolCall(
                "offline_" + UUID.randomUUID(), tool, JsonMapper.shared().writeValueAsString(json)));
        return new Answer(text, more);
    }

    Answer prefixed(String before) {
        if (before.isBlank()) {
            return this;
        }
        return new Answer(text.isBlank() ? before.strip() : before.strip() + " " + text, calls);
    }

    boolean hasCalls() {
        return !calls.isEmpty();
    }
}
