package dev.sofia.agents.testkit;

import dev.sofia.agents.llm.ChatChunk;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.llm.LlmCapabilities;
import dev.sofia.agents.llm.LlmStream;
import dev.sofia.agents.llm.ToolCall;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.StreamInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A scripted chat model: each request takes the next {@link Answer} (or asks a function), waits
 * the time to first token, then streams the text word by word with a delay between words, then the
 * tool calls. Records every request. An answer may instead fail with a provider exception.
 */
public final class FakeLlm extends Llm {

    /** What the model answers to one request. */
    public record Answer(
            String text, List<ToolCall> toolCalls, @Nullable ProviderException failure) {

        public static Answer text(String text) {
            return new Answer(text, List.of(), null);
        }

        public static Answer toolCall(String name, String argumentsJson) {
            return new Answer("", List.of(new ToolCall("call_" + UUID.randomUUID(), name, argumentsJson)), null);
        }

        public static Answer failing(ProviderException failure) {
            return new Answer("", List.of(), failure);
        }

        public Answer withToolCall(String name, String argumentsJson) {
            List<ToolCall> calls = new ArrayList<>(toolCalls);
            calls.add(new ToolCall("call_" + UUID.randomUUID(), name, argumentsJson));
            return new Answer(text, calls, failure);
        }
    }

    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private volatile @Nullable Function<ChatRequest, Answer> responder;
    private volatile Duration timeToFirstToken = Duration.ZERO;
    private volatile Duration betweenTokens = Duration.ZERO;

    public FakeLlm() {
        super("fake.llm", new LlmCapabilities(true, true));
        setConnectOptions(ConnectOptions.DEFAULT.withMaxRetries(0));
    }

    public FakeLlm answer(Answer answer) {
        script.add(answer);
        return this;
    }

    public FakeLlm answer(String text) {
        return answer(Answer.text(text));
    }

    /** Answers every request not covered by the script. */
    public FakeLlm respondWith(Function<ChatRequest, Answer> function) {
        this.responder = function;
        return this;
    }

    public FakeLlm latency(Duration firstToken, Duration betweenWords) {
        this.timeToFirstToken = firstToken;
        this.betweenTokens = betweenWords;
        return this;
    }

    public Duration timeToFirstToken() {
        return timeToFirstToken;
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    protected LlmStream newStream(ChatRequest request, ConnectOptions options) {
        requests.add(request);
        Answer scripted = script.poll();
        Function<ChatRequest, Answer> fallback = responder;
        Answer answer = scripted != null ? scripted : fallback != null ? fallback.apply(request) : Answer.text("");
        return new LlmStream(this, request, options) {
            @Override
            protected void run(StreamInput<Void> in, Consumer<ChatChunk> out) throws Exception {
                String id = "chatcmpl-" + UUID.randomUUID();
                Thread.sleep(timeToFirstToken);
                if (answer.failure() != null) {
                    throw answer.failure();
                }
                String[] words =
                        answer.text().isEmpty() ? new String[0] : answer.text().split("(?<= )");
                for (int i = 0; i < words.length; i++) {
                    if (i > 0) {
                        Thread.sleep(betweenTokens);
                    }
                    out.accept(ChatChunk.text(id, words[i]));
                }
                if (!answer.toolCalls().isEmpty()) {
                    out.accept(ChatChunk.toolCalls(id, answer.toolCalls()));
                }
            }
        };
    }
}
