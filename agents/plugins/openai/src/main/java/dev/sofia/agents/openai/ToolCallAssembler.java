package dev.sofia.agents.openai;

import dev.sofia.agents.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts streamed tool-call deltas back together. OpenAI announces each call with its index, id and
 * name, then streams its arguments in pieces under the same index; calls come one after the other,
 * so a call is complete once a later index appears, and all are complete at the finish reason.
 * Not thread-safe (one per stream).
 */
final class ToolCallAssembler {

    private static final class Pending {
        String id = "";
        String name = "";
        final StringBuilder arguments = new StringBuilder();
    }

    private final Map<Long, Pending> pending = new TreeMap<>();

    /** Adds one delta; returns the calls it completed (those before {@code index}), in order. */
    List<ToolCall> add(long index, String id, String name, String arguments) {
        List<ToolCall> done = completeBefore(index);
        Pending call = pending.computeIfAbsent(index, i -> new Pending());
        if (!id.isEmpty()) {
            call.id = id;
        }
        if (!name.isEmpty()) {
            call.name = name;
        }
        call.arguments.append(arguments);
        return done;
    }

    /** Completes every call still open (the answer finished). */
    List<ToolCall> finish() {
        return completeBefore(Long.MAX_VALUE);
    }

    private List<ToolCall> completeBefore(long index) {
        List<ToolCall> done = new ArrayList<>();
        var it = pending.entrySet().iterator();
        while (it.hasNext()) {
            var entry = it.next();
            if (entry.getKey() >= index) {
                break;
            }
            Pending call = entry.getValue();
            // Some compatible servers send no arguments for a call without parameters.
            String arguments = call.arguments.isEmpty() ? "{}" : call.arguments.toString();
            done.add(new ToolCall(call.id, call.name, arguments));
            it.remove();
        }
        return done;
    }
}
