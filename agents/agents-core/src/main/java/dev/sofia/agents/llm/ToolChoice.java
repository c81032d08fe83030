package dev.sofia.agents.llm;

/** Whether the model may call tools ({@code AUTO}), must ({@code REQUIRED}) or must not. */
public enum ToolChoice {
    AUTO,
    REQUIRED,
    NONE
}
