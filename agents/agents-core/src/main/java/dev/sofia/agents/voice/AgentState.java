package dev.sofia.agents.voice;

import java.util.Locale;

/** What the agent is doing, as published in the room's {@code lk.agent.state} attribute. */
public enum AgentState {
    INITIALIZING,
    LISTENING,
    THINKING,
    SPEAKING;

    /** The attribute value: {@code listening}, {@code thinking}, … */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
