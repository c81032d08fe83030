package dev.sofia.agents.tools;

import java.util.Optional;

/**
 * What a running tool may know and use besides its arguments: the call's id and name, and services
 * the caller of the tool made available (e.g. the agent session), looked up by type.
 */
public interface ToolContext {

    String callId();

    String toolName();

    <T> Optional<T> get(Class<T> type);

    /** A context with nothing to look up, for tests and plain invocations. */
    static ToolContext of(String callId, String toolName) {
        return new ToolContext() {
            @Override
            public String callId() {
                return callId;
            }

            @Override
            public String toolName() {
                return toolName;
            }

            @Override
            public <T> Optional<T> get(Class<T> type) {
                return Optional.empty();
            }
        };
    }
}
