package dev.sofia.agents.llm;

/** Who said a message; {@code DEVELOPER} is the newer name some models use for system text. */
public enum ChatRole {
    SYSTEM,
    DEVELOPER,
    USER,
    ASSISTANT
}
