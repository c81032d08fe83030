package dev.sofia.agents.voice;

import dev.sofia.agents.llm.ChatContext;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.agents.tools.FunctionTool;
import dev.sofia.agents.tools.ToolContext;
import dev.sofia.agents.tools.ToolResult;
import dev.sofia.agents.tools.Tools;
import dev.sofia.agents.tts.TtsStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one step's tool calls for a reply: independent calls in parallel (a virtual thread each), a
 * filler phrase if they take longer than the options allow, {@code afterPlayout} tools only once
 * the reply so far was heard in full (else skipped), and tools that must not be interrupted run to
 * the end even when the caller barges in — their outputs still reach the conversation.
 */
final class ToolRunner {

    private final SessionLoop loop;
    private final Reply reply;

    ToolRunner(SessionLoop loop, Reply reply) {
        this.loop = loop;
        this.reply = reply;
    }

    void run(List<FunctionCall> calls, ChatContext context, TtsStream tts, int step) throws InterruptedException {
        List<CompletableFuture<FunctionCallOutput>> running = new ArrayList<>();
        List<Boolean> mustFinish = new ArrayList<>();
        for (FunctionCall call : calls) {
            Optional<FunctionTool> tool = loop.agent().tools().stream()
                    .filter(t -> t.name().equals(call.name()))
                    .findFirst();
            boolean interruptible = tool.map(FunctionTool::interruptible).orElse(true);
            mustFinish.add(!interruptible);
            running.add(start(call, tool.orElse(null)));
        }
        try {
            CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
            try {
                all.get(loop.options().toolFillerDelay().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slow) {
                reply.speakAll(loop.agent().phrases().oneMoment(), step, tts);
                all.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("tool futures do not fail", e);
        } catch (InterruptedException e) {
            // The reply was cancelled (the caller barged in). Tools that must finish keep running;
            // their outputs go to the conversation when they are done.
            for (int i = 0; i < running.size(); i++) {
                if (mustFinish.get(i)) {
                    running.get(i).thenAccept(output -> loop.post(new SessionSignal.LateToolOutput(reply, output)));
                } else {
                    running.get(i).cancel(true);
                }
            }
            throw e;
        }
        List<FunctionCallOutput> outputs =
                running.stream().map(CompletableFuture::join).toList();
        outputs.forEach(context::add);
        loop.post(new SessionSignal.StepToolOutputs(reply, outputs));
    }

    private CompletableFuture<FunctionCallOutput> start(FunctionCall call, FunctionTool tool) {
        CompletableFuture<FunctionCallOutput> result = new CompletableFuture<>();
        Thread.ofVirtual().name("tool-" + call.name()).start(() -> result.complete(execute(call, tool)));
        return result;
    }

    private FunctionCallOutput execute(FunctionCall call, FunctionTool tool) {
        if (tool == null) {
            return FunctionCallOutput.of(
                    call.callId(), call.name(), "There is no tool named " + call.name() + ".", true);
        }
        try {
            if (tool.afterPlayout() && !reply.awaitPlayedOut()) {
                String reason = "not run: the caller interrupted before the answer was heard";
                loop.post(new SessionSignal.ToolWasSkipped(call, reason));
                return FunctionCallOutput.of(call.callId(), call.name(), "Not run: the caller interrupted.", true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FunctionCallOutput.of(call.callId(), call.name(), "Not run: cancelled.", true);
        }
        long started = System.nanoTime();
        ToolResult outcome = Tools.invoke(tool, call.arguments(), context(call));
        loop.post(new SessionSignal.ToolDone(call, outcome, Duration.ofNanos(System.nanoTime() - started)));
        return FunctionCallOutput.of(call.callId(), call.name(), outcome.output(), outcome.isError());
    }

    private ToolContext context(FunctionCall call) {
        return new ToolContext() {
            @Override
            public String callId() {
                return call.callId();
            }

            @Override
            public String toolName() {
                return call.name();
            }

            @Override
            public <T> Optional<T> get(Class<T> type) {
                return loop.service(type);
            }
        };
    }
}
