package dev.sofia.agents.voice;

import dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.tools.ToolResult;
import dev.sofia.agents.vad.VadEvent;
import java.time.Duration;
import java.util.List;

/**
 * What the session's loop ({@link SessionLoop}) is told, in the order it happens: by the VAD and the
 * recogniser, the audio output, timers, the public API, replies and tools.
 */
sealed interface SessionSignal {

    record Vad(VadEvent event) implements SessionSignal {}

    record Stt(SpeechEvent event) implements SessionSignal {}

    record SttFailed(ProviderException error) implements SessionSignal {}

    record InputEnded() implements SessionSignal {}

    record PlayoutStarted(String segmentId) implements SessionSignal {}

    record PlayoutDone(SegmentPlayout playout) implements SessionSignal {}

    record Timer(SessionTimers.Kind kind, long token) implements SessionSignal {}

    record TextInput(String text) implements SessionSignal {}

    record Command(Runnable action) implements SessionSignal {}

    record ReplyGenerated(Reply reply) implements SessionSignal {}

    record ReplyFailed(Reply reply, ProviderException error) implements SessionSignal {}

    record TtsFailed(Reply reply, ProviderException error, String unspoken) implements SessionSignal {}

    record UnspokenText(Reply reply, String text) implements SessionSignal {}

    record StepText(Reply reply, int step, ChatMessage message) implements SessionSignal {}

    record StepToolCalls(Reply reply, List<FunctionCall> calls) implements SessionSignal {}

    record StepToolOutputs(Reply reply, List<FunctionCallOutput> outputs) implements SessionSignal {}

    record LateToolOutput(Reply reply, FunctionCallOutput output) implements SessionSignal {}

    record ToolDone(FunctionCall call, ToolResult result, Duration duration) implements SessionSignal {}

    record ToolWasSkipped(FunctionCall call, String reason) implements SessionSignal {}
}
