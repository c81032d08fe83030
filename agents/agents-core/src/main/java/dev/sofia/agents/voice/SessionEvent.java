package dev.sofia.agents.voice;

import dev.sofia.agents.llm.ChatItem;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.tools.ToolResult;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What an {@link AgentSession} tells its listeners, in the order it happens. */
public sealed interface SessionEvent {

    record AgentStateChanged(AgentState previous, AgentState state) implements SessionEvent {}

    /** The caller started ({@code speaking}) or stopped speaking, as the VAD hears it. */
    record UserSpeaking(boolean speaking) implements SessionEvent {}

    record UserTranscribed(String text, boolean isFinal) implements SessionEvent {}

    /** An item was added to the conversation (a message, a tool call, a tool output). */
    record ItemAdded(ChatItem item) implements SessionEvent {}

    record ToolExecuted(String callId, String name, String arguments, ToolResult result, Duration duration)
            implements SessionEvent {}

    /** A tool call was not run: its reply was interrupted before it was heard ({@code afterPlayout} tools). */
    record ToolSkipped(String callId, String name, String reason) implements SessionEvent {}

    /** The caller cut a reply off; {@code heard} is what was played of it. */
    record ReplyInterrupted(String replyId, String heard) implements SessionEvent {}

    /** The agent paused for caller speech that turned out not to be an interruption, and went on. */
    record FalseInterruption(String replyId) implements SessionEvent {}

    /** A provider failure the session handled ({@code source}: stt, llm or tts), counted toward the limit. */
    record Error(String source, ProviderException error, int unrecoverableErrors) implements SessionEvent {}

    record Metrics(TurnMetrics metrics) implements SessionEvent {}

    record Closed(CloseReason reason, @Nullable String detail) implements SessionEvent {}

    enum CloseReason {
        /** {@code close()} was called (e.g. the room ended). */
        CLOSED,
        /** The caller's audio ended. */
        INPUT_ENDED,
        /** A tool ended the call (e.g. end_call). */
        ENDED_BY_AGENT,
        /** The caller stayed silent after being asked. */
        USER_AWAY,
        /** Too many failures the fallbacks could not cover. */
        ERRORS
    }
}
