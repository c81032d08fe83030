package dev.sofia.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LlmStreamTests {

    private static final ConnectOptions RETRYING = new ConnectOptions(2, Duration.ofMillis(1), Duration.ofSeconds(1));

    private final RecordingListener listener = new RecordingListener();

    @Test
    void streamsTheAnswerAndReportsMetricsWithTimeToFirstToken() throws Exception {
        ScriptedLlm llm = llm((call, request, out) -> {
            out.accept(ChatChunk.usage("req-1", new CompletionUsage(0, 0, 0))); // no token yet
            Thread.sleep(30);
            out.accept(ChatChunk.text("req-1", "Guten "));
            out.accept(ChatChunk.text("req-1", "Tag"));
            out.accept(ChatChunk.usage("req-1", new CompletionUsage(12, 2, 4)));
        });

        LlmStream stream = llm.chat(ChatRequest.of(ChatContext.withInstructions("Be brief.")));

        assertThat(ScriptedLlm.text(stream)).isEqualTo("Guten Tag");
        LlmMetrics metrics = awaitMetrics();
        assertThat(metrics.provider()).isEqualTo("scripted.llm");
        assertThat(metrics.requestId()).isEqualTo("req-1");
        assertThat(metrics.timeToFirstToken()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThat(metrics.duration()).isGreaterThanOrEqualTo(metrics.timeToFirstToken());
        assertThat(metrics.usage()).isEqualTo(new CompletionUsage(12, 2, 4));
        assertThat(metrics.cancelled()).isFalse();
    }

    @Test
    void aToolCallCountsAsTheFirstToken() throws Exception {
        ScriptedLlm llm = llm((call, request, out) ->
                out.accept(ChatChunk.toolCalls("req", List.of(new ToolCall("c1", "find_slots", "{}")))));
        LlmStream stream = llm.chat(ChatRequest.of(new ChatContext()));

        assertThat(stream.next().toolCalls()).extracting(ToolCall::name).containsExactly("find_slots");
        assertThat(stream.next()).isNull();
        assertThat(awaitMetrics().timeToFirstToken()).isNotNull();
    }

    @Test
    void aFailureBeforeTheFirstChunkIsRetried() throws Exception {
        ScriptedLlm llm = llm((call, request, out) -> {
            if (call == 1) {
                throw new ProviderConnectionException("scripted.llm", "reset", null);
            }
            out.accept(ChatChunk.text("req", "Hallo"));
        });
        llm.setConnectOptions(RETRYING);

        assertThat(ScriptedLlm.text(llm.chat(ChatRequest.of(new ChatContext()))))
                .isEqualTo("Hallo");
        assertThat(llm.calls()).isEqualTo(2);
        assertThat(listener.events(ProviderError.class))
                .singleElement()
                .satisfies(e -> assertThat(e.retrying()).isTrue());
    }

    @Test
    void aFailureAfterTheFirstChunkIsNotRetried() throws Exception {
        ScriptedLlm llm = llm((call, request, out) -> {
            out.accept(ChatChunk.text("req", "Hal"));
            throw new ProviderConnectionException("scripted.llm", "reset", null);
        });
        llm.setConnectOptions(RETRYING);
        LlmStream stream = llm.chat(ChatRequest.of(new ChatContext()));

        assertThat(stream.next().text()).isEqualTo("Hal");
        assertThatThrownBy(stream::next).isInstanceOf(ProviderConnectionException.class);
        assertThat(llm.calls()).isEqualTo(1);
        assertThat(listener.events(ProviderError.class))
                .singleElement()
                .satisfies(e -> assertThat(e.retrying()).isFalse());
    }

    @Test
    void closingCancelsAndTheMetricsSaySo() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ScriptedLlm llm = llm((call, request, out) -> {
            started.countDown();
            Thread.sleep(60_000);
        });
        LlmStream stream = llm.chat(ChatRequest.of(new ChatContext()));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        stream.close();

        assertThat(stream.next()).isNull();
        LlmMetrics metrics = awaitMetrics();
        assertThat(metrics.cancelled()).isTrue();
        assertThat(metrics.timeToFirstToken()).isNull();
    }

    @Test
    void theRequestIsASnapshotOfTheContext() {
        ChatContext context = ChatContext.withInstructions("Be brief.");
        ChatRequest request = ChatRequest.of(context);
        context.addMessage(ChatRole.USER, "later");
        assertThat(request.context().size()).isEqualTo(1);
    }

    private ScriptedLlm llm(ScriptedLlm.Script script) {
        ScriptedLlm llm = new ScriptedLlm("scripted.llm", script);
        llm.addListener(listener);
        return llm;
    }

    private LlmMetrics awaitMetrics() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (listener.events(LlmMetrics.class).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return listener.events(LlmMetrics.class).getFirst();
    }
}
