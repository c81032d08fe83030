package dev.sofia.agents.llm;

import java.time.Instant;
import java.util.UUID;

/**
 * A message. For the agent's messages {@code interrupted} says the caller cut it off, and {@code
 * text} then holds only what was actually played, so the model knows what the caller heard.
 */
public record ChatMessage(String id, ChatRole role, String text, boolean interrupted, Instant createdAt)
        implements ChatItem {

    public static ChatMessage of(ChatRole role, String text) {
        return new ChatMessage("msg_" + UUID.randomUUID(), role, text, false, Instant.now());
    }

    public ChatMessage withText(String newText, boolean wasInterrupted) {
        return new ChatMessage(id, role, newText, wasInterrupted, createdAt);
    }
}
