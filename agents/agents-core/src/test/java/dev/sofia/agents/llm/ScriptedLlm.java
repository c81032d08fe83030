package dev.sofia.agents.llm;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A chat model whose transport is a test script (one call per transport run, counted from 1).
 * Without retries unless a test sets connect options, so failures reach the caller at once.
 */
public final class ScriptedLlm extends Llm {

    /** One run of the transport. */
    @FunctionalInterface
    public interface Script {
        void run(int call, ChatRequest request, Consumer<ChatChunk> out) throws Exception;
    }

    private final AtomicInteger calls = new AtomicInteger();
    private volatile Script script;

    public ScriptedLlm(String label, Script script) {
        super(label, new LlmCapabilities(true, true));
        this.script = script;
        setConnectOptions(new ConnectOptions(0, Duration.ofMillis(1), Duration.ofSeconds(1)));
    }

    /** Answers every request with these text pieces and a usage chunk. */
    public static Script answering(String... pieces) {
        return (call, request, out) -> {
            for (String piece : pieces) {
                out.accept(ChatChunk.text("req-" + call, piece));
            }
            out.accept(ChatChunk.usage("req-" + call, new CompletionUsage(10, pieces.length, 0)));
        };
    }

    public void setScript(Script script) {
        this.script = script;
    }

    /** Transport runs so far (retries and probes included). */
    public int calls() {
        return calls.get();
    }

    @Override
    protected LlmStream newStream(ChatRequest request, ConnectOptions options) {
        return new LlmStream(this, request, options) {
            @Override
            protected void run(StreamInput<Void> in, Consumer<ChatChunk> out) throws Exception {
                script.run(calls.incrementAndGet(), request, out);
            }
        };
    }

    /** Reads a stream to its end and joins its text. */
    public static String text(LlmStream stream) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        for (ChatChunk chunk = stream.next(); chunk != null; chunk = stream.next()) {
            text.append(chunk.text());
        }
        return text.toString();
    }
}
