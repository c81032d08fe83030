package dev.sofia.agents.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation as the model sees it: instructions, messages, tool calls and their outputs, in
 * order. Thread-safe; {@link #copy()} gives an independent snapshot (what a request sends).
 */
public final class ChatContext {

    private final List<ChatItem> items;

    public ChatContext() {
        this.items = new ArrayList<>();
    }

    private ChatContext(List<ChatItem> items) {
        this.items = new ArrayList<>(items);
    }

    public static ChatContext withInstructions(String instructions) {
        return new ChatContext().add(ChatMessage.of(ChatRole.SYSTEM, instructions));
    }

    public synchronized ChatContext add(ChatItem item) {
        items.add(item);
        return this;
    }

    public ChatContext addMessage(ChatRole role, String text) {
        return add(ChatMessage.of(role, text));
    }

    /** Replaces the item with the same id; false if there is none. */
    public synchronized boolean replace(ChatItem item) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(item.id())) {
                items.set(i, item);
                return true;
            }
        }
        return false;
    }

    public synchronized boolean remove(String itemId) {
        return items.removeIf(item -> item.id().equals(itemId));
    }

    public synchronized List<ChatItem> items() {
        return List.copyOf(items);
    }

    public synchronized int size() {
        return items.size();
    }

    public synchronized ChatContext copy() {
        return new ChatContext(items);
    }

    /** The latest message of a role. */
    public synchronized Optional<ChatMessage> lastMessage(ChatRole role) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof ChatMessage m && m.role() == role) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Sets the leading system message's text (adds one at the start if there is none). */
    public synchronized void setInstructions(String instructions) {
        if (!items.isEmpty() && items.getFirst() instanceof ChatMessage m && m.role() == ChatRole.SYSTEM) {
            items.set(0, m.withText(instructions, false));
        } else {
            items.addFirst(ChatMessage.of(ChatRole.SYSTEM, instructions));
        }
    }

    /**
     * A copy with at most {@code maxItems} of the latest items besides the leading instructions,
     * which are always kept; a tool output whose call was cut off is left out with it.
     */
    public synchronized ChatContext truncated(int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems < 1: " + maxItems);
        }
        List<ChatItem> head = new ArrayList<>();
        int start = 0;
        while (start < items.size()
                && items.get(start) instanceof ChatMessage m
                && (m.role() == ChatRole.SYSTEM || m.role() == ChatRole.DEVELOPER)) {
            head.add(items.get(start++));
        }
        List<ChatItem> tail = items.subList(Math.max(start, items.size() - maxItems), items.size());
        // Providers reject a tool output without its call; with parallel calls the outputs of cut-off
        // calls may stand anywhere in the tail, not only at its start.
        Set<String> calls = new HashSet<>();
        for (ChatItem item : tail) {
            if (item instanceof FunctionCall call) {
                calls.add(call.callId());
            }
        }
        for (ChatItem item : tail) {
            if (!(item instanceof FunctionCallOutput output) || calls.contains(output.callId())) {
                head.add(item);
            }
        }
        return new ChatContext(head);
    }

    @Override
    public synchronized String toString() {
        return "ChatContext" + items;
    }
}
